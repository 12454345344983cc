import { beforeAll, describe, expect, it } from 'vitest';
import { encodeStringAttribute } from '../idemix/attributes.js';
import { encodeBigB64, randomBigInt } from '../idemix/bigint.js';
import { serializeProofList } from '../idemix/proof.js';
import type { DisclosureRequest } from '../request/types.js';
import type { CredentialType } from '../scheme/types.js';
import type { VerifierConfiguration } from './configuration.js';
import { loadTestConfiguration, type TestConfiguration } from '../testing/test-configuration.js';
import { createDisclosure, createProofList, issueCredential, signingWeekStart, type Credential } from '../testing/prover.js';
import { IdemixProofVerifier } from './idemix-proof-verifier.js';
import { verifyDisclosure } from './verify-disclosure.js';

const OVER18 = 'irma-demo.MijnOverheid.ageLower.over18';
const AGE_LOWER = { over12: 'yes', over16: 'yes', over18: 'yes', over21: 'no' };

function request(disclose: DisclosureRequest['disclose'], extra: Partial<DisclosureRequest> = {}): DisclosureRequest {
  return { type: 'disclosing', context: 1n, nonce: randomBigInt(128), disclose, ...extra };
}

type Body = { proofs: Record<string, unknown>[]; indices: { cred: number; attr: number }[][] };

function asBody(value: unknown): Body {
  return JSON.parse(JSON.stringify(value)) as Body;
}

describe('verifyDisclosure against the irma-demo scheme', () => {
  let configuration: TestConfiguration;
  let ageLower: Credential;
  let fullName: Credential;
  const issuedAt = new Date();

  beforeAll(async () => {
    configuration = await loadTestConfiguration();
    ageLower = issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', AGE_LOWER, { signingDate: issuedAt });
    fullName = issueCredential(configuration, 'irma-demo.MijnOverheid.fullName', {
      firstnames: 'Jan Piet',
      firstname: 'Jan',
      familyname: 'Jansen',
    });
  });

  it('accepts an honest disclosure and decodes the attribute as irmago does', async () => {
    const req = request([[[{ type: OVER18 }]]]);
    const body = createDisclosure([ageLower], req);
    const result = await verifyDisclosure({ body, request: req, configuration });
    expect(result.proofStatus).toBe('VALID');
    expect(result.disclosed).toEqual([
      [
        {
          rawvalue: 'yes',
          value: { '': 'yes', en: 'yes', nl: 'yes' },
          id: OVER18,
          status: 'PRESENT',
          issuancetime: signingWeekStart(issuedAt),
        },
      ],
    ]);
  });

  it('reports MISSING_ATTRIBUTES when the disclosed value differs from the requested one', async () => {
    const req = request([[[{ type: OVER18, value: 'no' }]]]);
    const body = createDisclosure([ageLower], request([[[{ type: OVER18 }]]], { nonce: req.nonce }));
    const result = await verifyDisclosure({ body, request: req, configuration });
    expect(result.proofStatus).toBe('MISSING_ATTRIBUTES');
    expect(result.disclosed[0]).toBeNull();
  });

  it('reports MISSING_ATTRIBUTES when a disjunction has no indices', async () => {
    const req = request([[[{ type: OVER18 }]], [[{ type: 'irma-demo.MijnOverheid.fullName.familyname' }]]]);
    const body = asBody(createDisclosure([ageLower], request([[[{ type: OVER18 }]]], { nonce: req.nonce })));
    const result = await verifyDisclosure({ body, request: req, configuration });
    expect(result.proofStatus).toBe('MISSING_ATTRIBUTES');
  });

  it('reports EXPIRED for a credential past its validity, unless the type is in skipExpiryCheck', async () => {
    const old = issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', AGE_LOWER, {
      signingDate: new Date(Date.now() - 400 * 86400_000),
      validityWeeks: 2,
    });
    const req = request([[[{ type: OVER18 }]]]);
    const body = createDisclosure([old], req);
    expect((await verifyDisclosure({ body, request: req, configuration })).proofStatus).toBe('EXPIRED');
    const skipping = { ...req, skipExpiryCheck: ['irma-demo.MijnOverheid.ageLower'] };
    expect((await verifyDisclosure({ body, request: skipping, configuration })).proofStatus).toBe('VALID');
  });

  it('reports EXPIRED for a credential signed after its public key expired', async () => {
    const pk = configuration.publicKey('irma-demo.MijnOverheid', 2)!;
    const late = issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', AGE_LOWER, {
      signingDate: new Date((pk.expiryDate + 30 * 86400) * 1000),
    });
    const req = request([[[{ type: OVER18 }]]]);
    const result = await verifyDisclosure({ body: createDisclosure([late], req), request: req, configuration });
    expect(result.proofStatus).toBe('EXPIRED');
    expect(result.failure).toBe('signed-after-key-expiry');
  });

  it('reports INVALID for a disclosed value that was changed after proving', async () => {
    const req = request([[[{ type: OVER18 }]]]);
    const body = asBody(createDisclosure([ageLower], req));
    (body.proofs[0]!['a_disclosed'] as Record<string, string>)['4'] = encodeBigB64(encodeStringAttribute('no'));
    const result = await verifyDisclosure({ body, request: { ...req, disclose: [[[{ type: OVER18, value: 'no' }]]] }, configuration });
    expect(result.proofStatus).toBe('INVALID');
    expect(result.disclosed).toEqual([]);
  });

  it('reports INVALID for a changed response, a changed challenge or another nonce', async () => {
    const req = request([[[{ type: OVER18 }]]]);
    const honest = asBody(createDisclosure([ageLower], req));
    const changedResponse = asBody(honest);
    changedResponse.proofs[0]!['e_response'] = encodeBigB64(BigInt(`0x${Buffer.from(String(honest.proofs[0]!['e_response']), 'base64').toString('hex')}`) + 1n);
    const changedChallenge = asBody(honest);
    changedChallenge.proofs[0]!['c'] = encodeBigB64(12345n);
    for (const body of [changedResponse, changedChallenge]) {
      expect((await verifyDisclosure({ body, request: req, configuration })).proofStatus).toBe('INVALID');
    }
    const otherNonce = { ...req, nonce: req.nonce + 1n };
    expect((await verifyDisclosure({ body: honest, request: otherNonce, configuration })).proofStatus).toBe('INVALID');
    expect((await verifyDisclosure({ body: honest, request: req, configuration })).proofStatus).toBe('VALID');
  });

  it('lists unrequested disclosed attributes as EXTRA', async () => {
    const req = request([[[{ type: OVER18 }]]]);
    const proofs = createProofList([{ credential: ageLower, disclose: [4, 5] }], { context: 1n, nonce: req.nonce, issig: false });
    const body = { proofs: serializeProofList(proofs), indices: [[{ cred: 0, attr: 4 }]] };
    const result = await verifyDisclosure({ body, request: req, configuration });
    expect(result.proofStatus).toBe('VALID');
    expect(result.disclosed).toHaveLength(2);
    expect(result.disclosed[1]).toEqual([
      expect.objectContaining({ id: 'irma-demo.MijnOverheid.ageLower.over21', rawvalue: 'no', status: 'EXTRA' }),
    ]);
  });

  it('reports an absent optional attribute as NULL, and a credential request as "present"', async () => {
    const req = request([
      [[{ type: 'irma-demo.MijnOverheid.fullName.prefix' }]],
      [[{ type: 'irma-demo.MijnOverheid.fullName' }]],
    ]);
    const result = await verifyDisclosure({ body: createDisclosure([fullName], req), request: req, configuration });
    expect(result.proofStatus).toBe('VALID');
    expect(result.disclosed[0]).toEqual([expect.objectContaining({ rawvalue: null, value: null, status: 'NULL' })]);
    expect(result.disclosed[1]).toEqual([
      expect.objectContaining({ id: 'irma-demo.MijnOverheid.fullName', rawvalue: 'present', status: 'PRESENT' }),
    ]);
    const notNull = { ...req, disclose: [[[{ type: 'irma-demo.MijnOverheid.fullName.prefix', notNull: true }]], req.disclose[1]!] };
    expect((await verifyDisclosure({ body: createDisclosure([fullName], req), request: notNull, configuration })).proofStatus).toBe(
      'MISSING_ATTRIBUTES',
    );
  });

  it('accepts two credentials sharing the secret and rejects them when the secrets differ', async () => {
    const req = request([[[{ type: OVER18 }]], [[{ type: 'irma-demo.MijnOverheid.fullName.familyname' }]]]);
    const shared = await verifyDisclosure({ body: createDisclosure([ageLower, fullName], req), request: req, configuration });
    expect(shared.proofStatus).toBe('VALID');
    expect(shared.disclosed.map((set) => set?.[0]?.rawvalue)).toEqual(['yes', 'Jansen']);
    const stranger = issueCredential(configuration, 'irma-demo.MijnOverheid.fullName', { firstnames: 'A', firstname: 'A', familyname: 'B' }, { secret: randomBigInt(255) });
    const mixed = await verifyDisclosure({ body: createDisclosure([ageLower, stranger], req), request: req, configuration });
    expect(mixed.proofStatus).toBe('INVALID');
  });

  it('groups secrets per keyshare scheme: a distributed scheme may hold another secret (idemix.md §5.4)', async () => {
    // Present irma-demo.RU as if it were a distributed scheme "kss-demo" whose secret is m_user + m_kss.
    const asDistributed = (type: CredentialType): CredentialType =>
      type.schemeId === 'irma-demo' && type.issuerId === 'RU' ? { ...type, schemeId: 'kss-demo' } : type;
    const view = (distributed: boolean): VerifierConfiguration => ({
      credentialTypeByHash: (hash) => {
        const type = configuration.credentialTypeByHash(hash);
        return type === undefined ? undefined : asDistributed(type);
      },
      publicKey: (issuerId, counter) => configuration.publicKey(issuerId.replace(/^kss-demo\./, 'irma-demo.'), counter),
      scheme: (id) => {
        const scheme = configuration.scheme(id === 'kss-demo' ? 'irma-demo' : id);
        return scheme === undefined ? undefined : { ...scheme, id, ...(distributed && id === 'kss-demo' ? { keyshareServer: 'https://kss.test/' } : {}) };
      },
    });
    const student = issueCredential(
      configuration,
      'irma-demo.RU.studentCard',
      { university: 'Radboud', studentCardNumber: '1', studentID: 's1', level: 'PhD' },
      { secret: randomBigInt(255) },
    );
    const req = request([[[{ type: OVER18 }]], [[{ type: 'irma-demo.RU.studentCard.level' }]]]);
    const body = createDisclosure([ageLower, student], req);
    const distributedResult = await verifyDisclosure({ body, request: req, configuration: view(true) });
    expect(distributedResult.proofStatus).toBe('VALID');
    expect((await verifyDisclosure({ body, request: req, configuration: view(false) })).proofStatus).toBe('INVALID');
  });

  it('reports INVALID when a singleton credential type occurs twice', async () => {
    const second = issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', { ...AGE_LOWER, over21: 'yes' });
    const req = request([[[{ type: OVER18 }]]]);
    const proofs = createProofList(
      [
        { credential: ageLower, disclose: [4] },
        { credential: second, disclose: [5] },
      ],
      { context: 1n, nonce: req.nonce, issig: false },
    );
    const body = { proofs: serializeProofList(proofs), indices: [[{ cred: 0, attr: 4 }]] };
    const result = await verifyDisclosure({ body, request: req, configuration });
    expect(result.proofStatus).toBe('INVALID');
    expect(result.failure).toBe('singleton-repeated');
  });

  it('treats an unknown credential type as INVALID, and the session verifier as IRMA_UNKNOWN_PUBLIC_KEY', async () => {
    const req = request([[[{ type: OVER18 }]]]);
    const body = asBody(createDisclosure([ageLower], req));
    const metadata = Buffer.from(String((body.proofs[0]!['a_disclosed'] as Record<string, string>)['1']), 'base64');
    metadata[23] = metadata[23]! ^ 0xff;
    (body.proofs[0]!['a_disclosed'] as Record<string, string>)['1'] = metadata.toString('base64');
    const result = await verifyDisclosure({ body, request: req, configuration });
    expect(result).toMatchObject({ proofStatus: 'INVALID', failure: 'unknown-credential-type' });
    const verifier = new IdemixProofVerifier({ configuration });
    await expect(verifier.verifyDisclosure(req, body)).rejects.toMatchObject({ code: 'IRMA_UNKNOWN_PUBLIC_KEY' });
    await expect(verifier.verifyDisclosure(req, { proofs: 'nope' })).rejects.toMatchObject({ code: 'IRMA_MALFORMED_INPUT' });
    const ok = await verifier.verifyDisclosure(req, createDisclosure([ageLower], req));
    expect(ok.proofStatus).toBe('VALID');
  });
});
