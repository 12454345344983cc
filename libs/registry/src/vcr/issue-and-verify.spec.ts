import * as vc from '@digitalbazaar/vc';
import { afterEach, describe, expect, it } from 'vitest';
import { signingSuite } from './suite.js';
import { Registry } from '../registry.js';
import { tempRegistry, type TempRegistry } from '../testing/temp-registry.js';

const temps: TempRegistry[] = [];
async function setup(): Promise<TempRegistry & { did: string }> {
  const temp = await tempRegistry();
  temps.push(temp);
  return { ...temp, did: (await temp.registry.createDid('org')).id };
}
afterEach(() => {
  for (const t of temps.splice(0)) t.dispose();
});

const organization = { name: 'CareBears', city: 'Caretown' };

describe('issuing', () => {
  it('issues a signed, stored VC 1.1 credential with an id under the issuer DID', async () => {
    const { registry, did } = await setup();
    const vc = await registry.issueCredential({
      type: 'NutsOrganizationCredential',
      issuer: did,
      credentialSubject: { id: did, organization },
      expirationDate: '2999-01-01T00:00:00Z',
    });
    expect(vc['@context']).toEqual([
      'https://www.w3.org/2018/credentials/v1',
      'https://nuts.nl/credentials/v1',
      'https://w3id.org/security/suites/ed25519-2020/v1',
    ]);
    expect(vc.type).toEqual(['VerifiableCredential', 'NutsOrganizationCredential']);
    expect(vc.id.startsWith(`${did}#`)).toBe(true);
    expect(vc.issuanceDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(vc.expirationDate).toBe('2999-01-01T00:00:00Z');
    expect(vc.proof).toMatchObject({ type: 'Ed25519Signature2020', proofPurpose: 'assertionMethod' });
    expect(vc.proof.verificationMethod.startsWith(`${did}#`)).toBe(true);
    expect(await registry.getCredential(vc.id)).toEqual(vc);
    expect(await registry.findCredentials({ type: 'NutsOrganizationCredential', subject: did })).toEqual([vc]);
  });

  it.each([
    [{ type: 'UnknownCredential' }, 'INVALID_INPUT', /unknown credential type/],
    [{ type: ['VerifiableCredential'] }, 'INVALID_INPUT', /exactly one credential type/],
    [{ type: ['NutsOrganizationCredential', 'NutsEmployeeCredential'] }, 'INVALID_INPUT', /exactly one credential type/],
    [{ issuer: 'did:web:elsewhere.example:iam:x' }, 'INVALID_INPUT', /not managed by this node/],
    [{ issuer: 'nope' }, 'DID_INVALID', /issuer/],
    [{ credentialSubject: { organization } }, 'INVALID_INPUT', /credentialSubject.id/],
    [{ credentialSubject: { id: 'did:web:x', organization: { name: 'A' } } }, 'INVALID_INPUT', /name and city/],
    [{ credentialSubject: { id: 'did:web:x', organization, shoeSize: 44 } }, 'CREDENTIAL_INVALID', /could not be signed: Dropping property .*\('shoeSize'\)/],
    [{ '@context': ['https://example.com/ctx'] }, 'INVALID_INPUT', /unknown context/],
    [{ expirationDate: 'tomorrow' }, 'INVALID_INPUT', /RFC 3339/],
    [{ expirationDate: '2000-01-01T00:00:00Z' }, 'INVALID_INPUT', /future/],
  ])('refuses %o', async (change, code, detail) => {
    const { registry, did } = await setup();
    const request = { type: 'NutsOrganizationCredential', issuer: did, credentialSubject: { id: did, organization }, ...change };
    await expect(registry.issueCredential(request)).rejects.toMatchObject({ code, detail: expect.stringMatching(detail) });
    expect(await registry.findCredentials()).toEqual([]);
  });
});

describe('verifying', () => {
  async function issued(registry: Registry, did: string, expirationDate?: string) {
    return registry.issueCredential({
      type: 'NutsOrganizationCredential',
      issuer: did,
      credentialSubject: { id: did, organization },
      ...(expirationDate ? { expirationDate } : {}),
    });
  }

  it('accepts a trusted, valid credential and refuses it when not trusted', async () => {
    const { registry, did } = await setup();
    const vc = await issued(registry, did);
    expect(await registry.verifyCredential(vc)).toEqual({ validity: false, message: 'issuer is not trusted for credential type NutsOrganizationCredential' });
    await registry.trust(did, 'NutsOrganizationCredential');
    expect(await registry.verifyCredential(vc)).toEqual({ validity: true });
    await registry.untrust(did, 'NutsOrganizationCredential');
    expect((await registry.verifyCredential(vc)).validity).toBe(false);
  });

  it('refuses a tampered credential and a credential with a foreign proof', async () => {
    const { registry, did } = await setup();
    const vc = await issued(registry, did);
    const a = await registry.verifyCredential({ ...vc, credentialSubject: { id: did, organization: { ...organization, name: 'EvilBears' } } }, { allowUntrusted: true });
    expect(a).toEqual({ validity: false, message: expect.stringMatching(/invalid credential: .*signature/i) });
    const b = await registry.verifyCredential({ ...vc, expirationDate: '2999-01-01T00:00:00Z' }, { allowUntrusted: true });
    expect(b.validity).toBe(false);
    const other = (await registry.createDid('other')).id;
    const otherVc = await issued(registry, other);
    const c = await registry.verifyCredential({ ...vc, proof: otherVc.proof }, { allowUntrusted: true });
    expect(c.validity).toBe(false);
  });

  it('refuses a credential signed with a key of another DID than its issuer', async () => {
    const { registry, did } = await setup();
    const mallory = await registry.createDid('mallory');
    await registry.trust(did, 'NutsOrganizationCredential');
    const malloryKid = mallory.assertionMethod[0]!;
    const forged = await vc.issue({
      credential: {
        '@context': ['https://www.w3.org/2018/credentials/v1', 'https://nuts.nl/credentials/v1'],
        id: `${did}#forged`,
        type: ['VerifiableCredential', 'NutsOrganizationCredential'],
        issuer: did,
        issuanceDate: new Date().toISOString(),
        credentialSubject: { id: mallory.id, organization },
      },
      suite: signingSuite(registry.keyStore, malloryKid, new Date()),
      documentLoader: registry.documentLoader,
    });
    const result = await registry.verifyCredential(forged);
    expect(result).toEqual({ validity: false, message: expect.stringMatching(/issuer must match the verification method controller/) });
  });

  it('checks validity at the given moment', async () => {
    const { registry, did, setNow } = await setup();
    setNow(new Date('2030-01-01T00:00:00Z'));
    const vc = await issued(registry, did, '2030-02-01T00:00:00Z');
    const check = (at: string) => registry.verifyCredential(vc, { at: new Date(at), allowUntrusted: true });
    expect(await check('2030-01-15T00:00:00Z')).toEqual({ validity: true });
    expect(await check('2029-12-31T23:59:00Z')).toEqual({ validity: false, message: 'credential is not yet valid' });
    expect(await check('2030-02-01T00:01:00Z')).toEqual({ validity: false, message: 'credential has expired' });
  });

  it('refuses credentials of issuers unknown to this node, and malformed input', async () => {
    const { registry, did } = await setup();
    const vc = await issued(registry, did);
    const foreign = await tempRegistry();
    temps.push(foreign);
    const result = await foreign.registry.verifyCredential(vc, { allowUntrusted: true });
    expect(result).toEqual({ validity: false, message: expect.stringMatching(/^invalid credential: /) });
    for (const bad of [null, 'vc', [], { ...vc, type: 'VerifiableCredential' }, { ...vc, issuer: 'x' }, { ...vc, proof: undefined }, { ...vc, credentialStatus: {} }]) {
      expect((await registry.verifyCredential(bad, { allowUntrusted: true })).validity).toBe(false);
    }
  });

  it('lists untrusted issuers of stored credentials', async () => {
    const { registry, did } = await setup();
    await issued(registry, did);
    expect(await registry.untrusted('NutsOrganizationCredential')).toEqual([did]);
    await registry.trust(did, 'NutsOrganizationCredential');
    expect(await registry.trusted('NutsOrganizationCredential')).toEqual([did]);
    expect(await registry.untrusted('NutsOrganizationCredential')).toEqual([]);
  });
});
