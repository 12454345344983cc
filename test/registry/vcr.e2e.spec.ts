import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../support/test-node.js';

let node: TestNode;
let issuer: string;
let holder: string;
const TYPE = 'NutsOrganizationCredential';

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

beforeAll(async () => {
  node = await startTestNode();
  issuer = (await json<{ id: string }>(await node.request('POST', '/internal/vdr/v2/did', { json: { id: 'issuer' } }))).id;
  holder = (await json<{ id: string }>(await node.request('POST', '/internal/vdr/v2/did', { json: { id: 'holder' } }))).id;
});
afterAll(async () => {
  await node?.close();
});

const issueBody = () => ({
  '@context': ['https://www.w3.org/2018/credentials/v1', 'https://nuts.nl/credentials/v1'],
  type: ['VerifiableCredential', TYPE],
  issuer,
  credentialSubject: { id: holder, organization: { name: 'CareBears', city: 'Caretown' } },
  expirationDate: '2999-01-01T00:00:00Z',
  withStatusList2021Revocation: false,
});

async function expectProblem(res: Response, status: number, code: string, namedByOperation = true): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  const body = await json<{ code: string; title: string; status: number; detail: string }>(res);
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  if (namedByOperation) expect(body.title).toMatch(/ failed$/);
}

describe('VCR v2 over HTTP', () => {
  it('issues, reads, searches and verifies a credential; trust decides validity', async () => {
    const issued = await node.request('POST', '/internal/vcr/v2/issuer/vc', { json: issueBody() });
    expect(issued.status).toBe(200);
    const vc = await json<{ id: string; issuer: string; proof: { type: string } }>(issued);
    expect(vc.issuer).toBe(issuer);
    expect(vc.proof.type).toBe('Ed25519Signature2020');

    const read = await node.request('GET', `/internal/vcr/v2/vc/${encodeURIComponent(vc.id)}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(vc);

    const search = await node.request('GET', `/internal/vcr/v2/issuer/vc/search?credentialType=${TYPE}&issuer=${encodeURIComponent(issuer)}&subject=${encodeURIComponent(holder)}`);
    expect(await search.json()).toEqual({ verifiableCredentials: [{ verifiableCredential: vc }] });
    const none = await node.request('GET', `/internal/vcr/v2/issuer/vc/search?credentialType=${TYPE}&issuer=${encodeURIComponent(holder)}`);
    expect(await none.json()).toEqual({ verifiableCredentials: [] });

    const untrustedBefore = await node.request('GET', `/internal/vcr/v2/verifier/${TYPE}/untrusted`);
    expect(await untrustedBefore.json()).toEqual([issuer]);
    const notTrusted = await node.request('POST', '/internal/vcr/v2/verifier/vc', { json: { verifiableCredential: vc } });
    expect(notTrusted.status).toBe(200);
    expect(await notTrusted.json()).toEqual({ validity: false, message: `issuer is not trusted for credential type ${TYPE}` });
    const allowed = await node.request('POST', '/internal/vcr/v2/verifier/vc', { json: { verifiableCredential: vc, verificationOptions: { allowUntrustedIssuer: true } } });
    expect(await allowed.json()).toEqual({ validity: true });

    const trust = await node.request('POST', '/internal/vcr/v2/verifier/trust', { json: { issuer, credentialType: TYPE } });
    expect(trust.status).toBe(204);
    expect(await (await node.request('GET', `/internal/vcr/v2/verifier/${TYPE}/trusted`)).json()).toEqual([issuer]);
    expect(await (await node.request('GET', `/internal/vcr/v2/verifier/${TYPE}/untrusted`)).json()).toEqual([]);
    const trusted = await node.request('POST', '/internal/vcr/v2/verifier/vc', { json: { verifiableCredential: vc } });
    expect(await trusted.json()).toEqual({ validity: true });

    const tampered = { ...vc, credentialSubject: { id: holder, organization: { name: 'EvilBears', city: 'Caretown' } } };
    const bad = await node.request('POST', '/internal/vcr/v2/verifier/vc', { json: { verifiableCredential: tampered } });
    expect(((await bad.json()) as { validity: boolean }).validity).toBe(false);

    const untrust = await node.request('DELETE', '/internal/vcr/v2/verifier/trust', { json: { issuer, credentialType: TYPE } });
    expect(untrust.status).toBe(204);
    expect(await (await node.request('GET', `/internal/vcr/v2/verifier/${TYPE}/trusted`)).json()).toEqual([]);
  });

  it('refuses bad issue requests with problem+json', async () => {
    const cases: Array<[object, number, string]> = [
      [{ ...issueBody(), issuer: 'did:web:elsewhere.example:iam:x' }, 400, 'INVALID_INPUT'],
      [{ ...issueBody(), issuer: 'not-a-did' }, 400, 'DID_INVALID'],
      [{ ...issueBody(), type: 'UnknownCredential' }, 400, 'INVALID_INPUT'],
      [{ ...issueBody(), type: 42 }, 400, 'INVALID_INPUT'],
      [{ type: TYPE, issuer }, 400, 'INVALID_INPUT'],
      [{ ...issueBody(), credentialSubject: 'x' }, 400, 'INVALID_INPUT'],
      [{ ...issueBody(), surprise: 1 }, 400, 'INVALID_INPUT'],
      [{ ...issueBody(), format: 'jwt_vc' }, 400, 'INVALID_INPUT'],
      [{ ...issueBody(), credentialSubject: { id: holder, organization: { name: 'A', city: 'B' }, undefinedTerm: 1 } }, 400, 'CREDENTIAL_INVALID'],
    ];
    for (const [body, status, code] of cases) await expectProblem(await node.request('POST', '/internal/vcr/v2/issuer/vc', { json: body }), status, code);
    await expectProblem(await node.request('POST', '/internal/vcr/v2/issuer/vc', { body: '{"type":', headers: { 'content-type': 'application/json' } }), 400, 'MALFORMED_JSON', false);
  });

  it('refuses bad reads, searches, verifications and trust changes', async () => {
    await expectProblem(await node.request('GET', `/internal/vcr/v2/vc/${encodeURIComponent(`${issuer}#nope`)}`), 404, 'CREDENTIAL_NOT_FOUND');
    await expectProblem(await node.request('GET', `/internal/vcr/v2/issuer/vc/search?credentialType=${TYPE}`), 400, 'INVALID_INPUT');
    await expectProblem(await node.request('GET', `/internal/vcr/v2/issuer/vc/search?credentialType=${TYPE}&issuer=bad`), 400, 'DID_INVALID');
    await expectProblem(await node.request('POST', '/internal/vcr/v2/verifier/vc', { json: {} }), 400, 'INVALID_INPUT');
    await expectProblem(await node.request('POST', '/internal/vcr/v2/verifier/vc', { json: { verifiableCredential: 'x' } }), 400, 'INVALID_INPUT');
    await expectProblem(await node.request('POST', '/internal/vcr/v2/verifier/trust', { json: { issuer: 'nope', credentialType: TYPE } }), 400, 'DID_INVALID');
    await expectProblem(await node.request('POST', '/internal/vcr/v2/verifier/trust', { json: { issuer, credentialType: 'UnknownCredential' } }), 400, 'INVALID_INPUT');
    await expectProblem(await node.request('POST', '/internal/vcr/v2/verifier/trust', { json: { issuer } }), 400, 'INVALID_INPUT');
    await expectProblem(await node.request('DELETE', '/internal/vcr/v2/verifier/trust', { json: { credentialType: TYPE } }), 400, 'INVALID_INPUT');
    await expectProblem(await node.request('GET', '/internal/vcr/v2/verifier/UnknownCredential/trusted'), 404, 'NOT_FOUND');
    await expectProblem(await node.request('GET', '/internal/vcr/v2/verifier/UnknownCredential/untrusted'), 404, 'NOT_FOUND');
  });

  it('verifies a credential that a foreign node issued only if its issuer DID is known here', async () => {
    const other = await startTestNode();
    try {
      const otherIssuer = (await json<{ id: string }>(await other.request('POST', '/internal/vdr/v2/did', { json: { id: 'x' } }))).id;
      const vc = await json<object>(
        await other.request('POST', '/internal/vcr/v2/issuer/vc', { json: { ...issueBody(), issuer: otherIssuer, credentialSubject: { id: otherIssuer, organization: { name: 'O', city: 'C' } } } }),
      );
      const result = await json<{ validity: boolean; message: string }>(
        await node.request('POST', '/internal/vcr/v2/verifier/vc', { json: { verifiableCredential: vc, verificationOptions: { allowUntrustedIssuer: true } } }),
      );
      expect(result.validity).toBe(false);
      expect(result.message).toMatch(/^invalid credential: /);
    } finally {
      await other.close();
    }
  });
});
