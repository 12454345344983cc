import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../support/test-node.js';

let node: TestNode;
let org: string;
let vc: Record<string, unknown>;

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

beforeAll(async () => {
  node = await startTestNode();
  org = (await json<{ id: string }>(await node.request('POST', '/internal/vdr/v2/did', { json: { id: 'org' } }))).id;
  vc = await json(
    await node.request('POST', '/internal/vcr/v2/issuer/vc', {
      json: { type: 'NutsOrganizationCredential', issuer: org, credentialSubject: { id: org, organization: { name: 'CareBears', city: 'Caretown' } } },
    }),
  );
  await node.request('POST', '/internal/vcr/v2/verifier/trust', { json: { issuer: org, credentialType: 'NutsOrganizationCredential' } });
});
afterAll(async () => {
  await node?.close();
});

describe('presentations over HTTP', () => {
  it('creates a presentation for the credentials subject and verifies it', async () => {
    const created = await node.request('POST', '/internal/vcr/v2/holder/vp', { json: { verifiableCredentials: [vc], challenge: 'nonce-123' } });
    expect(created.status).toBe(200);
    const vp = await json<{ holder: string; proof: { challenge: string; proofPurpose: string } }>(created);
    expect(vp.holder).toBe(org);
    expect(vp.proof).toMatchObject({ challenge: 'nonce-123', proofPurpose: 'authentication' });

    const verified = await json<{ validity: boolean; credentials: unknown[] }>(
      await node.request('POST', '/internal/vcr/v2/verifier/vp', { json: { verifiablePresentation: vp } }),
    );
    expect(verified).toEqual({ validity: true, credentials: [vc] });

    const tampered = { ...vp, proof: { ...vp.proof, challenge: 'nonce-456' } };
    const bad = await json<{ validity: boolean; message: string }>(await node.request('POST', '/internal/vcr/v2/verifier/vp', { json: { verifiablePresentation: tampered } }));
    expect(bad.validity).toBe(false);

    const late = await json<{ validity: boolean }>(
      await node.request('POST', '/internal/vcr/v2/verifier/vp', { json: { verifiablePresentation: vp, validAt: '2000-01-01T00:00:00Z' } }),
    );
    expect(late.validity).toBe(false);
  });

  it('refuses bad presentation requests', async () => {
    const cases: Array<[string, object, number]> = [
      ['/internal/vcr/v2/holder/vp', { verifiableCredentials: [vc] }, 400],
      ['/internal/vcr/v2/holder/vp', { verifiableCredentials: [], challenge: 'c' }, 400],
      ['/internal/vcr/v2/holder/vp', { verifiableCredentials: [vc], challenge: 'c', signerDID: 'did:web:elsewhere.example:iam:x' }, 400],
      ['/internal/vcr/v2/holder/vp', { verifiableCredentials: [vc], challenge: 'c', type: ['UndefinedPresentation'] }, 400],
      ['/internal/vcr/v2/holder/vp', { verifiableCredentials: 'x', challenge: 'c' }, 400],
      ['/internal/vcr/v2/verifier/vp', {}, 400],
      ['/internal/vcr/v2/verifier/vp', { verifiablePresentation: {}, validAt: 'yesterday' }, 400],
    ];
    for (const [path, body, status] of cases) {
      const res = await node.request('POST', path, { json: body });
      expect([path, JSON.stringify(body).slice(0, 60), res.status]).toEqual([path, JSON.stringify(body).slice(0, 60), status]);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
  });
});
