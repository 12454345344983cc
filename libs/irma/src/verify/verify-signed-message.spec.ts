import { beforeAll, describe, expect, it } from 'vitest';
import { randomBigInt } from '../idemix/bigint.js';
import type { SignatureRequest } from '../request/types.js';
import {
  ATUM_KEY_2018,
  ATUM_KEY_2019,
  IRMAGO_REVOCATION_SIG,
  IRMAGO_TESTDATA_MIJNOVERHEID_2_REVOCATION,
  IRMAGO_VALID_SIG,
} from '../testing/irmago-vectors.js';
import { createSignedMessage, issueCredential, type Credential } from '../testing/prover.js';
import { createTestAtumKey, type TestAtumKey } from '../testing/test-atum.js';
import { loadTestConfiguration, type TestConfiguration } from '../testing/test-configuration.js';
import { IdemixProofVerifier } from './idemix-proof-verifier.js';
import { signatureNonce } from '../idemix/hash.js';
import { verifySignedMessage } from './verify-signed-message.js';

const OVER18 = 'irma-demo.MijnOverheid.ageLower.over18';

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function signatureRequest(message: string): SignatureRequest {
  return { type: 'signing', context: 1n, nonce: randomBigInt(128), message, disclose: [[[{ type: OVER18 }]]] };
}

describe('irmago signature vectors against the real irma-demo scheme', () => {
  let configuration: TestConfiguration;
  beforeAll(async () => {
    configuration = await loadTestConfiguration();
  });

  it('computes the signature nonce of TestVerifyValidSig (idemix.md §6.2 check value)', () => {
    const ts = (IRMAGO_VALID_SIG['timestamp'] as { Sig: { Data: string } }).Sig.Data;
    const nonce = signatureNonce('I owe you everything', 42n, new Uint8Array(Buffer.from(ts, 'base64')));
    expect(nonce.toString(16).padStart(64, '0')).toBe('b09916292142c1a61fc0c28b1f4e924d23c76f70ceacf1b67b1a7781f9342de5');
  });

  it('TestVerifyValidSig: a version-1 signature is VALID at its timestamp time with one EXTRA attribute', async () => {
    const result = await verifySignedMessage({ signedMessage: IRMAGO_VALID_SIG, configuration, trustedTimestampKeys: [ATUM_KEY_2018] });
    expect(result.proofStatus).toBe('VALID');
    expect(result.validAt).toBe(1527196489);
    expect(result.disclosed).toHaveLength(1);
    expect(result.disclosed[0]).toEqual([
      expect.objectContaining({ id: 'irma-demo.RU.studentCard.studentID', rawvalue: '456', status: 'EXTRA' }),
    ]);
    expect(result.disclosed[0]![0]!.value).toEqual({ '': '456', en: '456', nl: '456' });
  });

  it('TestVerifyInValidSig / TestVerifyInValidNonce: a changed challenge or nonce is INVALID', async () => {
    const badChallenge = clone(IRMAGO_VALID_SIG) as { signature: { c: string }[] };
    badChallenge.signature[0]!.c = 'blablaE7wXcDcKXuBtZW5bnucvBSXpILIRvnNBgx7hQ=';
    const badNonce = { ...clone(IRMAGO_VALID_SIG), nonce: 'aa==' };
    for (const signedMessage of [badChallenge, badNonce]) {
      const result = await verifySignedMessage({ signedMessage, configuration, trustedTimestampKeys: [ATUM_KEY_2018] });
      expect(result.proofStatus).toBe('INVALID');
    }
  });

  it('reads base64 and field names as leniently as Go does (idemix.md §13.1, §13.2)', async () => {
    const keys = [ATUM_KEY_2018];
    // "7hQ=" → "7hR=" only sets unused padding bits: Go decodes the same challenge, so it stays VALID.
    const paddingBits = clone(IRMAGO_VALID_SIG) as { signature: { c: string }[] };
    paddingBits.signature[0]!.c = paddingBits.signature[0]!.c.replace(/7hQ=$/, '7hR=');
    expect(paddingBits.signature[0]!.c).not.toBe((IRMAGO_VALID_SIG['signature'] as { c: string }[])[0]!.c);
    expect((await verifySignedMessage({ signedMessage: paddingBits, configuration, trustedTimestampKeys: keys })).proofStatus).toBe('VALID');
    // "7hQ=" → "7hA=" changes data bits: another challenge, INVALID.
    const dataBits = clone(IRMAGO_VALID_SIG) as { signature: { c: string }[] };
    dataBits.signature[0]!.c = dataBits.signature[0]!.c.replace(/7hQ=$/, '7hA=');
    expect((await verifySignedMessage({ signedMessage: dataBits, configuration, trustedTimestampKeys: keys })).proofStatus).toBe('INVALID');
    const { signature, message, nonce, context, timestamp } = clone(IRMAGO_VALID_SIG);
    const recased = { Signature: signature, MESSAGE: message, Nonce: nonce, Context: context, TimeStamp: timestamp };
    expect((await verifySignedMessage({ signedMessage: recased, configuration, trustedTimestampKeys: keys })).proofStatus).toBe('VALID');
  });

  it('TestVerifyValidSig with the timestamp key not pinned is INVALID_TIMESTAMP', async () => {
    const result = await verifySignedMessage({ signedMessage: IRMAGO_VALID_SIG, configuration, trustedTimestampKeys: [ATUM_KEY_2019] });
    expect(result.proofStatus).toBe('INVALID_TIMESTAMP');
    expect(result.failure).toBe('timestamp-untrusted');
  });

  it('computes the signature nonce of the revocation vector (idemix.md §6.2 check value)', () => {
    const sm = IRMAGO_REVOCATION_SIG as { nonce: string; message: string; timestamp: { Sig: { Data: string } } };
    const nonce = signatureNonce(sm.message, BigInt(`0x${Buffer.from(sm.nonce, 'base64').toString('hex')}`), new Uint8Array(Buffer.from(sm.timestamp.Sig.Data, 'base64')));
    expect(nonce.toString(16).padStart(64, '0')).toBe('6d07135d6866f70075ecfb21fb50f1e77550d2818e25e79098201b69ead93b6c');
  });

  it('the revocation vector verifies (nonrevocation proof included) with irmago test-data revocation keys', async () => {
    const fresh = await loadTestConfiguration();
    const real = fresh.publicKey('irma-demo.MijnOverheid', 2)!;
    const before = await verifySignedMessage({ signedMessage: IRMAGO_REVOCATION_SIG, configuration: fresh, trustedTimestampKeys: [ATUM_KEY_2019] });
    // The real scheme's key 2 has other revocation keys, so the accumulator signature cannot verify.
    expect(before).toMatchObject({ proofStatus: 'INVALID', failure: 'nonrevocation-invalid' });
    fresh.overridePublicKey('irma-demo.MijnOverheid', { ...real, ...IRMAGO_TESTDATA_MIJNOVERHEID_2_REVOCATION });
    const result = await verifySignedMessage({ signedMessage: IRMAGO_REVOCATION_SIG, configuration: fresh, trustedTimestampKeys: [ATUM_KEY_2019] });
    expect(result.proofStatus).toBe('VALID');
    expect(result.validAt).toBe(1582816270);
    expect(result.disclosed[0]).toEqual([
      expect.objectContaining({ id: 'irma-demo.MijnOverheid.root.BSN', status: 'EXTRA', notrevoked: true }),
    ]);
  });
});

describe('verifySignedMessage with the test prover', () => {
  let configuration: TestConfiguration;
  let ageLower: Credential;
  let atum: TestAtumKey;

  beforeAll(async () => {
    configuration = await loadTestConfiguration();
    ageLower = issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', { over12: 'yes', over16: 'yes', over18: 'yes', over21: 'yes' });
    atum = createTestAtumKey();
  });

  it('accepts a timestamped v2 signature matching its request, valid at the timestamp time', async () => {
    const request = signatureRequest('Ik machtig Zorgverlener X');
    const time = Math.floor(Date.now() / 1000) - 60;
    const signedMessage = createSignedMessage([ageLower], request, { atumKey: atum, time });
    const result = await verifySignedMessage({ signedMessage, request, configuration, trustedTimestampKeys: [atum.publicKeyBase64] });
    expect(result.proofStatus).toBe('VALID');
    expect(result.validAt).toBe(time);
    expect(result.disclosed).toEqual([[expect.objectContaining({ id: OVER18, rawvalue: 'yes', status: 'PRESENT' })]]);
    const alone = await verifySignedMessage({ signedMessage, configuration, trustedTimestampKeys: [atum.publicKeyBase64] });
    expect(alone.proofStatus).toBe('VALID');
    expect(alone.disclosed).toEqual([[expect.objectContaining({ id: OVER18, status: 'EXTRA' })]]);
  });

  it('reports UNMATCHED_REQUEST for another message, nonce or context', async () => {
    const request = signatureRequest('Ik machtig Zorgverlener X');
    const signedMessage = createSignedMessage([ageLower], request, { atumKey: atum });
    const keys = [atum.publicKeyBase64];
    for (const other of [
      { ...request, message: 'Ik machtig Zorgverlener Y' },
      { ...request, nonce: request.nonce + 1n },
      { ...request, context: 2n },
    ]) {
      const result = await verifySignedMessage({ signedMessage, request: other, configuration, trustedTimestampKeys: keys });
      expect(result.proofStatus).toBe('UNMATCHED_REQUEST');
    }
  });

  it('reports INVALID_TIMESTAMP for an untrusted key, a moved timestamp or another message', async () => {
    const request = signatureRequest('Ik machtig Zorgverlener X');
    const signedMessage = createSignedMessage([ageLower], request, { atumKey: atum });
    const untrusted = await verifySignedMessage({ signedMessage, request, configuration, trustedTimestampKeys: [createTestAtumKey().publicKeyBase64] });
    expect(untrusted.proofStatus).toBe('INVALID_TIMESTAMP');
    const moved = clone(signedMessage) as { timestamp: { Time: number } };
    moved.timestamp.Time -= 3600;
    const movedResult = await verifySignedMessage({ signedMessage: moved, request, configuration, trustedTimestampKeys: [atum.publicKeyBase64] });
    expect(movedResult.proofStatus).toBe('INVALID_TIMESTAMP');
    // Without a request the message itself is checked, and the timestamp covers it.
    const otherMessage = { ...clone(signedMessage), message: 'something else' };
    const otherResult = await verifySignedMessage({ signedMessage: otherMessage, configuration, trustedTimestampKeys: [atum.publicKeyBase64] });
    expect(otherResult.proofStatus).toBe('INVALID_TIMESTAMP');
  });

  it('accepts version-1 timestamps and signatures without timestamp; refuses an empty signature', async () => {
    const request = signatureRequest('legacy');
    const keys = [atum.publicKeyBase64];
    const v1 = createSignedMessage([ageLower], request, { atumKey: atum, version: 1 });
    expect(v1['@context']).toBeUndefined();
    expect((await verifySignedMessage({ signedMessage: v1, request, configuration, trustedTimestampKeys: keys })).proofStatus).toBe('VALID');
    const bare = createSignedMessage([ageLower], request);
    const now = new Date('2026-01-01T00:00:00Z');
    const bareResult = await verifySignedMessage({ signedMessage: bare, request, configuration, trustedTimestampKeys: [], now });
    expect(bareResult).toMatchObject({ proofStatus: 'VALID', validAt: Math.floor(now.getTime() / 1000) });
    const empty = { ...bare, signature: [] };
    expect((await verifySignedMessage({ signedMessage: empty, configuration, trustedTimestampKeys: keys })).proofStatus).toBe('INVALID');
  });

  it('hashes attributes longer than Lm bits in proofs and in the timestamp (idemix.md §3.4)', async () => {
    const familyname = 'van der Lange-Achternaam-Die-Veel-Langer-Is-Dan-Tweeendertig-Bytes';
    const fullName = issueCredential(configuration, 'irma-demo.MijnOverheid.fullName', { firstnames: 'A', firstname: 'A', familyname });
    const request: SignatureRequest = {
      type: 'signing',
      context: 1n,
      nonce: randomBigInt(128),
      message: 'lang',
      disclose: [[[{ type: 'irma-demo.MijnOverheid.fullName.familyname' }]]],
    };
    const signedMessage = createSignedMessage([fullName], request, { atumKey: atum });
    const result = await verifySignedMessage({ signedMessage, request, configuration, trustedTimestampKeys: [atum.publicKeyBase64] });
    expect(result.proofStatus).toBe('VALID');
    expect(result.disclosed[0]![0]!.rawvalue).toBe(familyname);
  });

  it('reports INVALID for a tampered proof and keeps the posted message in the session result', async () => {
    const request = signatureRequest('Ik machtig Zorgverlener X');
    const signedMessage = createSignedMessage([ageLower], request, { atumKey: atum });
    const verifier = new IdemixProofVerifier({ configuration, trustedTimestampKeys: [atum.publicKeyBase64] });
    const ok = await verifier.verifySignature(request, signedMessage);
    expect(ok.proofStatus).toBe('VALID');
    expect(ok.signature).toBe(signedMessage);
    const tampered = clone(signedMessage) as { signature: { v_response: string }[] };
    tampered.signature[0]!.v_response = Buffer.from('tampered').toString('base64');
    expect((await verifier.verifySignature(request, tampered)).proofStatus).toBe('INVALID');
  });
});
