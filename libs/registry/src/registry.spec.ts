import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isNutshellError } from '#errors';
import { Registry } from './index.js';

const dirs: string[] = [];
async function openRegistry(): Promise<Registry> {
  const datadir = mkdtempSync(join(tmpdir(), 'nutshell-registry-'));
  dirs.push(datadir);
  return Registry.open({ datadir, publicUrl: 'http://localhost:1323', passphrase: undefined });
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function errorOf(p: Promise<unknown>): Promise<{ code: string; detail: string }> {
  try {
    await p;
  } catch (e) {
    if (isNutshellError(e)) return { code: e.code, detail: e.detail };
    throw e;
  }
  throw new Error('expected a NutshellError');
}

describe('Registry', () => {
  it('issues a NutsOrganizationCredential that verifies once the issuer is trusted', async () => {
    const registry = await openRegistry();
    const doc = await registry.createDid('care');
    expect(doc.id).toBe('did:web:localhost%3A1323:iam:care');
    const vc = await registry.issueCredential({
      type: 'NutsOrganizationCredential',
      issuer: doc.id,
      credentialSubject: { id: doc.id, organization: { name: 'CareBears', city: 'Caretown' } },
    });
    expect(vc.proof.type).toBe('Ed25519Signature2020');
    expect(vc['@context']).toContain('https://nuts.nl/credentials/v1');
    expect(await registry.verifyCredential(vc)).toEqual({ validity: false, message: 'issuer is not trusted for credential type NutsOrganizationCredential' });
    expect(await registry.verifyCredential(vc, { allowUntrusted: true })).toEqual({ validity: true });
    await registry.trust(doc.id, 'NutsOrganizationCredential');
    expect(await registry.verifyCredential(vc)).toEqual({ validity: true });
    expect(await registry.resolveOrganization(doc.id, { at: new Date() })).toEqual({ name: 'CareBears', city: 'Caretown' });
    expect(await registry.resolveOrganization(doc.id, { at: new Date(), credential: vc })).toEqual({ name: 'CareBears', city: 'Caretown' });
  });

  it('refuses a tampered credential', async () => {
    const registry = await openRegistry();
    const doc = await registry.createDid();
    const vc = await registry.issueCredential({
      type: ['VerifiableCredential', 'NutsOrganizationCredential'],
      issuer: doc.id,
      credentialSubject: { id: doc.id, organization: { name: 'CareBears', city: 'Caretown' } },
    });
    const tampered = { ...vc, credentialSubject: { id: doc.id, organization: { name: 'EvilBears', city: 'Caretown' } } };
    const result = await registry.verifyCredential(tampered, { allowUntrusted: true });
    expect(result.validity).toBe(false);
    expect(result.validity === false && result.message).toMatch(/signature/i);
    expect((await errorOf(registry.resolveOrganization(doc.id, { at: new Date() }))).code).toBe('ORGANIZATION_NOT_FOUND');
  });
});
