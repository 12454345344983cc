import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestNode } from '../support/test-node.js';

const datadir = mkdtempSync(join(tmpdir(), 'nutshell-persist-'));
afterAll(() => rmSync(datadir, { recursive: true, force: true }));

const PASS = 'a long enough passphrase';

describe('registry state across restarts', () => {
  it('keeps DIDs, credentials and trust, keeps keys encrypted, and refuses a wrong passphrase', async () => {
    const first = await startTestNode({ NUTSHELL_KEYSTORE_PASSPHRASE: PASS }, { datadir });
    const port = first.config.port;
    let did: string;
    let vcId: string;
    try {
      did = ((await (await first.request('POST', '/internal/vdr/v2/did', { json: { id: 'kept' } })).json()) as { id: string }).id;
      const vc = (await (
        await first.request('POST', '/internal/vcr/v2/issuer/vc', {
          json: { type: 'NutsOrganizationCredential', issuer: did, credentialSubject: { id: did, organization: { name: 'Kept', city: 'Keepville' } } },
        })
      ).json()) as { id: string };
      vcId = vc.id;
      expect((await first.request('POST', '/internal/vcr/v2/verifier/trust', { json: { issuer: did, credentialType: 'NutsOrganizationCredential' } })).status).toBe(204);
    } finally {
      await first.close();
    }

    const keyFiles = readdirSync(join(datadir, 'keys'));
    expect(keyFiles).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(datadir, 'keys', keyFiles[0]!), 'utf8'))).toMatchObject({ privateKey: { format: 'pkcs8-aes-256-gcm' } });

    await expect(startTestNode({ NUTSHELL_KEYSTORE_PASSPHRASE: 'the wrong passphrase', NUTSHELL_PORT: String(port) }, { datadir })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      detail: expect.stringMatching(/passphrase does not decrypt/),
    });

    const second = await startTestNode({ NUTSHELL_KEYSTORE_PASSPHRASE: PASS, NUTSHELL_PORT: String(port) }, { datadir });
    try {
      expect(await (await second.request('GET', '/internal/vdr/v2/did')).json()).toEqual([did]);
      expect((await second.request('GET', `/internal/vcr/v2/vc/${encodeURIComponent(vcId)}`)).status).toBe(200);
      expect(await (await second.request('GET', '/internal/vcr/v2/verifier/NutsOrganizationCredential/trusted')).json()).toEqual([did]);
      // The reopened key still signs: a new credential verifies.
      const vc = await (
        await second.request('POST', '/internal/vcr/v2/issuer/vc', {
          json: { type: 'NutsOrganizationCredential', issuer: did, credentialSubject: { id: did, organization: { name: 'Kept', city: 'Keepville' } } },
        })
      ).json();
      expect(await (await second.request('POST', '/internal/vcr/v2/verifier/vc', { json: { verifiableCredential: vc } })).json()).toEqual({ validity: true });
      const registry = second.app.get((await import('#registry')).Registry);
      expect(await registry.resolveOrganization(did, { at: new Date() })).toEqual({ name: 'Kept', city: 'Keepville' });
    } finally {
      await second.close();
    }
  });
});
