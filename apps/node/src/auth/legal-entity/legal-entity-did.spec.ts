import { describe, expect, it } from 'vitest';
import { isNutshellError } from '#errors';
import { assertLegalEntityDid } from './legal-entity-did.js';

function detail(value: string): string | undefined {
  try {
    assertLegalEntityDid(value);
    return undefined;
  } catch (error) {
    return isNutshellError(error) && error.code === 'DID_INVALID' ? error.detail : 'unexpected error';
  }
}

describe('assertLegalEntityDid', () => {
  it.each(['did:web:example.com', 'did:web:localhost%3A8080:iam:abc', 'did:nuts:CuE3qeFGGLhEAS3gKzhMCeqd1dGa9at5JCbmCfyMU2Ep'])('accepts %s', (did) => {
    expect(detail(did)).toBeUndefined();
  });

  it.each([
    ['', "invalid value '<omitted>' for param legalEntity: invalid DID"],
    ['did:web:', "invalid value 'did:web:' for param legalEntity: invalid DID"],
    ['DID:web:x', "invalid value 'DID:web:x' for param legalEntity: invalid DID"],
    ['did:web:a b', "invalid value '<omitted>' for param legalEntity: invalid DID"],
    ['did:web:x%zz', "invalid value 'did:web:x%zz' for param legalEntity: invalid DID"],
    ['did:web:x#key-1', "invalid value 'did:web:x#key-1' for param legalEntity: invalid DID"],
  ])('refuses %j with the Nuts text, echoing only printable short input', (value, text) => {
    expect(detail(value)).toBe(text);
  });
});
