import { NutshellError } from '#errors';
import { goField, isJsonObject } from '../presentation/go-field.js';
import type { DummyProof } from '../types/presentation.js';
import type { AttributeMap } from '../types/verification.js';

/** The proof fields the dummy means vouches for (everything but the seal). */
export type DummyProofFields = Omit<DummyProof, 'jws' | 'Type'> & { readonly Type: string };

/** The fictional signer every dummy session reports (values as Nuts). */
export const DUMMY_SIGNER = Object.freeze({ Email: 'tester@example.com', FamilyName: 'Dummy', Initials: 'I', Prefix: 'von' });

const FIELDS = ['Contract', 'Email', 'FamilyName', 'Initials', 'Prefix', 'Type'] as const;

// Versioned domain tag so a seal over dummy proof content can never be mistaken for another signed structure.
const DOMAIN = 'nutshell/dummy-proof/v1';

/** The bytes a dummy proof seal covers: a JSON array in fixed field order, so no key-order ambiguity exists. */
export function dummyProofContent(fields: DummyProofFields): string {
  return JSON.stringify([DOMAIN, ...FIELDS.map((name) => fields[name])]);
}

/** Reads a received dummy proof with Go's rules (case-insensitive keys, absent strings empty); throws on wrong types. */
export function readDummyProof(proof: unknown): DummyProofFields & { readonly jws: string | undefined } {
  if (!isJsonObject(proof)) throw new NutshellError('PRESENTATION_INVALID', 'invalid Dummy proof: expected a JSON object');
  const read = (name: string): string => {
    const value = goField(proof, name);
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') throw new NutshellError('PRESENTATION_INVALID', `invalid Dummy proof: ${name} must be a string`);
    return value;
  };
  const jws = goField(proof, 'jws');
  return {
    Contract: read('Contract'),
    Email: read('Email'),
    FamilyName: read('FamilyName'),
    Initials: read('Initials'),
    Prefix: read('Prefix'),
    Type: read('Type'),
    jws: typeof jws === 'string' ? jws : undefined,
  };
}

/** The disclosed attributes of a dummy proof, named as the OpenID claims Nuts uses. */
export function dummyIssuerAttributes(fields: DummyProofFields): AttributeMap {
  return {
    initials: fields.Initials,
    prefix: fields.Prefix,
    familyname: fields.FamilyName,
    email: fields.Email,
    username: fields.Email,
    assurance_level: 'low',
  };
}
