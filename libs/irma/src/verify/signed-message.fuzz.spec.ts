import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomBigInt } from '../idemix/bigint.js';
import { createSignedMessage, issueCredential } from '../testing/prover.js';
import { createTestAtumKey, type TestAtumKey } from '../testing/test-atum.js';
import { loadTestConfiguration, type TestConfiguration } from '../testing/test-configuration.js';
import { parseSignedMessage } from './signed-message.js';
import { verifySignedMessage } from './verify-signed-message.js';

const STATUSES = ['VALID', 'INVALID', 'INVALID_TIMESTAMP', 'UNMATCHED_REQUEST', 'MISSING_ATTRIBUTES', 'EXPIRED'];

type Json = Record<string, unknown>;

/** Paths in a signed message whose change must break it (cryptographic or hashed content). */
const SENSITIVE_PATHS: readonly (readonly (string | number)[])[] = [
  ['signature', 0, 'c'],
  ['signature', 0, 'A'],
  ['signature', 0, 'e_response'],
  ['signature', 0, 'v_response'],
  ['signature', 0, 'a_responses', '0'],
  ['signature', 0, 'a_disclosed', '1'],
  ['signature', 0, 'a_disclosed', '4'],
  ['nonce'],
  ['context'],
  ['message'],
  ['timestamp', 'Time'],
  ['timestamp', 'Sig', 'Data'],
  ['timestamp', 'Sig', 'PublicKey'],
];

function setPath(root: Json, path: readonly (string | number)[], value: unknown): Json {
  const copy = JSON.parse(JSON.stringify(root)) as Json;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

function getPath(root: Json, path: readonly (string | number)[]): unknown {
  let node: unknown = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

describe('SignedMessage parsing under fuzzing', () => {
  let configuration: TestConfiguration;
  let atum: TestAtumKey;
  let valid: Json;

  beforeAll(async () => {
    configuration = await loadTestConfiguration();
    atum = createTestAtumKey();
    const credential = issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', { over12: 'yes', over16: 'yes', over18: 'yes', over21: 'yes' });
    valid = createSignedMessage(
      [credential],
      { message: 'fuzz', nonce: randomBigInt(128), disclose: [[[{ type: 'irma-demo.MijnOverheid.ageLower.over18' }]]] },
      { atumKey: atum },
    );
  });

  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseSignedMessage(value);
        expect(typeof parsed.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when any member of a real signed message is replaced by arbitrary JSON', () => {
    const keys = Object.keys(valid);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        const parsed = parseSignedMessage({ ...valid, [key]: value });
        if (parsed.ok) expect(parsed.signedMessage.signature.length).toBeGreaterThanOrEqual(0);
        else expect(parsed.detail.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('parses the prover output back to its request values', () => {
    const parsed = parseSignedMessage(valid);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.signedMessage).toMatchObject({ version: 2, message: 'fuzz', context: 1n });
    expect(parsed.signedMessage.timestamp?.alg).toBe('ed25519');
  });

  it('a changed sensitive member is never VALID and verification never throws', async () => {
    const trusted = [atum.publicKeyBase64];
    expect((await verifySignedMessage({ signedMessage: valid, configuration, trustedTimestampKeys: trusted })).proofStatus).toBe('VALID');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SENSITIVE_PATHS),
        fc.oneof(fc.jsonValue(), fc.base64String({ minLength: 4, maxLength: 64 }), fc.integer()),
        async (path, value) => {
          fc.pre(JSON.stringify(getPath(valid, path)) !== JSON.stringify(value));
          // Go (and we) also read big integers from JSON numbers: context 1 is the same value as "AQ==".
          fc.pre(!(path[0] === 'context' && value === 1));
          const signedMessage = setPath(valid, path, value);
          const result = await verifySignedMessage({ signedMessage, configuration, trustedTimestampKeys: trusted });
          expect(STATUSES).toContain(result.proofStatus);
          expect(result.proofStatus).not.toBe('VALID');
        },
      ),
      { numRuns: 60 },
    );
  });
});
