import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../support/test-node.js';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(async () => {
  await node?.close();
});

describe('registry endpoints in /openapi.json', () => {
  it('lists every VDR, VCR and trust operation with its nuts v6 operation id and request schema', async () => {
    const doc = (await (await node.request('GET', '/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId: string; requestBody?: unknown }>>;
      components?: { schemas?: Record<string, unknown> };
    };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /internal/vdr/v2/did CreateDID',
        'GET /internal/vdr/v2/did ListDIDs',
        'GET /internal/vdr/v2/did/{did} ResolveDID',
        'DELETE /internal/vdr/v2/did/{did} Deactivate',
        'GET /iam/{id}/did.json GetDIDDocument',
        'POST /internal/vcr/v2/issuer/vc IssueVC',
        'GET /internal/vcr/v2/issuer/vc/search SearchIssuedVCs',
        'GET /internal/vcr/v2/vc/{id} ResolveVC',
        'POST /internal/vcr/v2/verifier/vc VerifyVC',
        'POST /internal/vcr/v2/holder/vp CreateVP',
        'POST /internal/vcr/v2/verifier/vp VerifyVP',
        'POST /internal/vcr/v2/verifier/trust TrustIssuer',
        'DELETE /internal/vcr/v2/verifier/trust UntrustIssuer',
        'GET /internal/vcr/v2/verifier/{credentialType}/trusted ListTrusted',
        'GET /internal/vcr/v2/verifier/{credentialType}/untrusted ListUntrusted',
      ]),
    );
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(expect.arrayContaining(['IssueVcRequest', 'CredentialIssuerRequest', 'VerifyVcRequest', 'CreateDidRequest']));
  });
});
