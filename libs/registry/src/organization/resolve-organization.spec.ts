import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { FileDidRepository } from '../did/did-repository.js';
import { FileKeyRepository } from '../keys/file-key-repository.js';
import { FileKeyStore } from '../keys/file-key-store.js';
import { Registry } from '../registry.js';
import { tempRegistry, type TempRegistry } from '../testing/temp-registry.js';
import { FileTrustRepository } from '../trust/trust-repository.js';
import { FileCredentialRepository } from '../vcr/credential-repository.js';

const temps: TempRegistry[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.dispose();
});

const TYPE = 'NutsOrganizationCredential';
const careBears = { name: 'CareBears', city: 'Caretown' };

async function setup() {
  const temp = await tempRegistry();
  temps.push(temp);
  const { registry } = temp;
  const org = (await registry.createDid('org')).id;
  const issuer = (await registry.createDid('issuer')).id;
  const issue = (organization: object, from = issuer, expirationDate?: string) =>
    registry.issueCredential({ type: TYPE, issuer: from, credentialSubject: { id: org, organization }, ...(expirationDate ? { expirationDate } : {}) });
  return { ...temp, org, issuer, issue };
}

const now = () => new Date();

describe('resolveOrganization (drawup, nuts-auth-v1 §5)', () => {
  it('takes name and city from a trusted stored credential', async () => {
    const { registry, org, issuer, issue } = await setup();
    await issue(careBears);
    await registry.trust(issuer, TYPE);
    expect(await registry.resolveOrganization(org, { at: now() })).toEqual(careBears);
  });

  it('uses Nuts texts for unknown DIDs, malformed DIDs and no trusted credential', async () => {
    const { registry, org, issue } = await setup();
    await expect(registry.resolveOrganization('did:web:elsewhere.example:iam:x', { at: now() })).rejects.toMatchObject({
      code: 'ORGANIZATION_NOT_FOUND',
      detail: 'no valid organization credential at provided validFrom date',
    });
    await expect(registry.resolveOrganization('not a did', { at: now() })).rejects.toMatchObject({ code: 'DID_INVALID' });
    await issue(careBears);
    await expect(registry.resolveOrganization(org, { at: now() })).rejects.toMatchObject({
      code: 'ORGANIZATION_NOT_FOUND',
      detail: 'could not find a NutsOrganizationCredential for this legalEntity issued by a trusted issuer',
    });
  });

  it('ignores credentials not valid at the given moment', async () => {
    const { registry, org, issuer, issue, setNow } = await setup();
    setNow(new Date('2030-01-01T00:00:00Z'));
    await issue(careBears, issuer, '2030-06-01T00:00:00Z');
    await registry.trust(issuer, TYPE);
    expect(await registry.resolveOrganization(org, { at: new Date('2030-03-01T00:00:00Z') })).toEqual(careBears);
    await expect(registry.resolveOrganization(org, { at: new Date('2030-07-01T00:00:00Z') })).rejects.toMatchObject({ code: 'ORGANIZATION_NOT_FOUND' });
    await expect(registry.resolveOrganization(org, { at: new Date('2029-07-01T00:00:00Z') })).rejects.toMatchObject({ code: 'ORGANIZATION_NOT_FOUND' });
  });

  it('accepts several equal credentials but refuses several different ones', async () => {
    const { registry, org, issuer, issue } = await setup();
    await registry.trust(issuer, TYPE);
    await issue(careBears);
    await issue(careBears);
    expect(await registry.resolveOrganization(org, { at: now() })).toEqual(careBears);
    await issue({ name: 'CareBears BV', city: 'Caretown' });
    await expect(registry.resolveOrganization(org, { at: now() })).rejects.toMatchObject({
      code: 'ORGANIZATION_AMBIGUOUS',
      detail: 'found multiple non-matching VCs, which is not supported',
    });
  });

  it('only counts issuers trusted for the type', async () => {
    const { registry, org, issuer, issue } = await setup();
    const other = (await registry.createDid('other')).id;
    await registry.trust(issuer, TYPE);
    await issue(careBears);
    await issue({ name: 'Untrusted Inc', city: 'Nowhere' }, other);
    expect(await registry.resolveOrganization(org, { at: now() })).toEqual(careBears);
  });

  describe('with an inline credential (verified, unlike Nuts)', () => {
    it('accepts a valid, trusted credential about the legal entity', async () => {
      const { registry, org, issuer, issue } = await setup();
      const vc = await issue({ name: 'Inline Care', city: 'Inlinetown' });
      await registry.trust(issuer, TYPE);
      expect(await registry.resolveOrganization(org, { at: now(), credential: vc })).toEqual({ name: 'Inline Care', city: 'Inlinetown' });
    });

    it('refuses tampered, untrusted, foreign-subject and non-organization credentials', async () => {
      const { registry, org, issuer, issue } = await setup();
      const vc = await issue(careBears);
      await expect(registry.resolveOrganization(org, { at: now(), credential: vc })).rejects.toMatchObject({ code: 'ISSUER_NOT_TRUSTED' });
      await registry.trust(issuer, TYPE);
      const tampered = { ...vc, credentialSubject: { id: org, organization: { name: 'Evil', city: 'Caretown' } } };
      await expect(registry.resolveOrganization(org, { at: now(), credential: tampered })).rejects.toMatchObject({ code: 'CREDENTIAL_INVALID' });
      const aboutOther = await registry.issueCredential({ type: TYPE, issuer, credentialSubject: { id: issuer, organization: careBears } });
      await expect(registry.resolveOrganization(org, { at: now(), credential: aboutOther })).rejects.toMatchObject({
        code: 'CREDENTIAL_INVALID',
        detail: expect.stringMatching(/not the legalEntity/),
      });
      await expect(registry.resolveOrganization(org, { at: now(), credential: { type: ['VerifiableCredential'] } })).rejects.toMatchObject({ code: 'CREDENTIAL_INVALID' });
      await expect(registry.resolveOrganization(org, { at: new Date('2000-01-01T00:00:00Z'), credential: vc })).rejects.toMatchObject({
        code: 'CREDENTIAL_INVALID',
        detail: expect.stringMatching(/not yet valid/),
      });
    });
  });

  it('refuses a known DID whose private key this node lacks', async () => {
    const { datadir, org } = await setup();
    const emptyKeys = new FileKeyRepository(mkdtempSync(join(datadir, 'other-keys-')));
    const withoutKeys = new Registry({
      publicUrl: 'http://localhost:1323',
      keys: await FileKeyStore.open({ repository: emptyKeys, passphrase: undefined }),
      dids: new FileDidRepository(join(datadir, 'dids.json')),
      credentials: new FileCredentialRepository(join(datadir, 'credentials.json')),
      trust: new FileTrustRepository(join(datadir, 'trust.json')),
    });
    expect(await withoutKeys.isManagedHere(org)).toBe(false);
    await expect(withoutKeys.resolveOrganization(org, { at: now() })).rejects.toMatchObject({
      code: 'ORGANIZATION_NOT_MANAGED',
      detail: 'organization is not managed by this node: missing organization private key',
    });
  });

  it('says whether a DID is managed here', async () => {
    const { registry, org } = await setup();
    expect(await registry.isManagedHere(org)).toBe(true);
    expect(await registry.isManagedHere('did:web:elsewhere.example:iam:x')).toBe(false);
    expect(await registry.isManagedHere('garbage')).toBe(false);
  });
});
