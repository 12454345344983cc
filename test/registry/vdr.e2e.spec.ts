import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../support/test-node.js';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode();
});
afterAll(async () => {
  await node?.close();
});

const encoded = (did: string) => encodeURIComponent(did);

describe('VDR v2 over HTTP', () => {
  it('creates a did:web DID with a chosen id, lists, resolves and serves it', async () => {
    const created = await node.request('POST', '/internal/vdr/v2/did', { json: { id: 'org-a' } });
    expect(created.status).toBe(200);
    const document = (await created.json()) as { id: string; verificationMethod: Array<{ id: string; type: string; publicKeyMultibase: string }>; assertionMethod: string[]; authentication: string[] };
    const port = new URL(node.config.publicUrl).port;
    expect(document.id).toBe(`did:web:localhost%3A${port}:iam:org-a`);
    const [method] = document.verificationMethod;
    expect(method?.type).toBe('Ed25519VerificationKey2020');
    expect(method?.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(document.assertionMethod).toEqual([method?.id]);
    expect(document.authentication).toEqual([method?.id]);

    const list = await node.request('GET', '/internal/vdr/v2/did');
    expect(await list.json()).toContain(document.id);

    const resolved = await node.request('GET', `/internal/vdr/v2/did/${encoded(document.id)}`);
    expect(resolved.status).toBe(200);
    const body = (await resolved.json()) as { document: unknown; documentMetadata: { deactivated: boolean; created: string } };
    expect(body.document).toEqual(document);
    expect(body.documentMetadata.deactivated).toBe(false);

    const served = await node.request('GET', '/iam/org-a/did.json');
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual(document);
  });

  it('creates a random id without a body', async () => {
    const created = await node.request('POST', '/internal/vdr/v2/did');
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    expect(id).toMatch(/:iam:[0-9a-f-]{36}$/);
  });

  it('answers problem+json for bad input', async () => {
    const cases: Array<[string, string, unknown, number, string]> = [
      ['GET', `/internal/vdr/v2/did/${encoded('not-a-did')}`, undefined, 400, 'DID_INVALID'],
      ['GET', `/internal/vdr/v2/did/${encoded('did:web:example.com:iam:nobody')}`, undefined, 404, 'DID_NOT_FOUND'],
      ['GET', '/iam/nobody/did.json', undefined, 404, 'DID_NOT_FOUND'],
      ['POST', '/internal/vdr/v2/did', { id: 'a b/c' }, 400, 'INVALID_INPUT'],
      ['POST', '/internal/vdr/v2/did', { id: 7 }, 400, 'INVALID_INPUT'],
      ['POST', '/internal/vdr/v2/did', { id: 'x', extra: true }, 400, 'INVALID_INPUT'],
    ];
    for (const [method, path, json, status, code] of cases) {
      const res = await node.request(method, path, json === undefined ? {} : { json });
      expect([path, res.status]).toEqual([path, status]);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(((await res.json()) as { code: string }).code).toBe(code);
    }
  });

  it('refuses to create the same id twice', async () => {
    expect((await node.request('POST', '/internal/vdr/v2/did', { json: { id: 'twice' } })).status).toBe(200);
    const again = await node.request('POST', '/internal/vdr/v2/did', { json: { id: 'twice' } });
    expect(again.status).toBe(409);
  });
});

describe('deactivating a DID', () => {
  it('removes its keys, stops serving did.json, and stops it issuing or resolving as an organization', async () => {
    const did = ((await (await node.request('POST', '/internal/vdr/v2/did', { json: { id: 'retiring' } })).json()) as { id: string }).id;
    const vc = await (
      await node.request('POST', '/internal/vcr/v2/issuer/vc', {
        json: { type: 'NutsOrganizationCredential', issuer: did, credentialSubject: { id: did, organization: { name: 'Old', city: 'Gone' } } },
      })
    ).json();
    await node.request('POST', '/internal/vcr/v2/verifier/trust', { json: { issuer: did, credentialType: 'NutsOrganizationCredential' } });
    expect(await (await node.request('POST', '/internal/vcr/v2/verifier/vc', { json: { verifiableCredential: vc } })).json()).toEqual({ validity: true });

    expect((await node.request('DELETE', `/internal/vdr/v2/did/${encoded(did)}`)).status).toBe(204);

    const resolved = (await (await node.request('GET', `/internal/vdr/v2/did/${encoded(did)}`)).json()) as {
      document: { verificationMethod: unknown[]; assertionMethod: unknown[] };
      documentMetadata: { deactivated: boolean; updated: string };
    };
    expect(resolved.document.verificationMethod).toEqual([]);
    expect(resolved.document.assertionMethod).toEqual([]);
    expect(resolved.documentMetadata.deactivated).toBe(true);
    expect((await node.request('GET', '/iam/retiring/did.json')).status).toBe(404);
    expect((await node.request('DELETE', `/internal/vdr/v2/did/${encoded(did)}`)).status).toBe(409);
    expect((await node.request('DELETE', `/internal/vdr/v2/did/${encoded('did:web:example.com:iam:none')}`)).status).toBe(404);
    expect((await node.request('DELETE', `/internal/vdr/v2/did/${encoded('bad did')}`)).status).toBe(400);

    const verify = (await (await node.request('POST', '/internal/vcr/v2/verifier/vc', { json: { verifiableCredential: vc } })).json()) as { validity: boolean };
    expect(verify.validity).toBe(false);
    const issue = await node.request('POST', '/internal/vcr/v2/issuer/vc', {
      json: { type: 'NutsOrganizationCredential', issuer: did, credentialSubject: { id: did, organization: { name: 'Old', city: 'Gone' } } },
    });
    expect(issue.status).toBe(400);
    const registry = node.app.get((await import('#registry')).Registry);
    await expect(registry.resolveOrganization(did, { at: new Date() })).rejects.toMatchObject({
      code: 'ORGANIZATION_NOT_FOUND',
      detail: 'no valid organization credential at provided validFrom date',
    });
  });
});
