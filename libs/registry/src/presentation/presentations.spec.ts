import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from '../registry.js';
import { safeModeProblem } from '../jsonld/expand-safely.js';
import type { VerifiableCredential, VerifiablePresentation } from '../registry-types.js';

let datadir: string;
let registry: Registry;
let org: string;
let employeeCredential: VerifiableCredential;
const CONTRACT = 'EN:PractitionerLogin:v3 I hereby declare to act on behalf of CareBears located in Caretown.';

beforeAll(async () => {
  datadir = mkdtempSync(join(tmpdir(), 'nutshell-vp-'));
  registry = await Registry.open({ datadir, publicUrl: 'https://node.example', passphrase: undefined });
  org = (await registry.createDid('carebears')).id;
  employeeCredential = await registry.issueCredential({
    type: 'NutsEmployeeCredential',
    issuer: org,
    credentialSubject: {
      id: org,
      type: 'Organization',
      member: { identifier: 'jdoe@carebears', roleName: 'Nurse', type: 'EmployeeRole', member: { familyName: 'Doe', initials: 'J.', type: 'Person' } },
    },
  });
});
afterAll(() => rmSync(datadir, { recursive: true, force: true }));

/** Means presentations as the auth module builds them (nuts-auth-v1 §6): the means proof is not a Linked Data proof. */
const meansPresentations: Record<string, Record<string, unknown>> = {
  NutsIrmaPresentation: { proof: { type: 'NutsIrmaSignedContract', proofValue: Buffer.from('{"message":"contract"}').toString('base64') } },
  NutsUziPresentation: { proof: { type: 'NutsUziSignedContract', proofValue: 'eyJhbGciOiJSUzI1NiJ9.eyJtZXNzYWdlIjoiY29udHJhY3QifQ.c2ln' } },
  DummyVerifiablePresentation: {
    proof: { Type: 'NoSignature', Contract: CONTRACT, Email: 'tester@example.com', FamilyName: 'Dummy', Initials: 'I', Prefix: 'von' },
  },
};

describe('presentations under the bundled contexts', () => {
  it('signs and verifies a NutsSelfSignedPresentation with an employee credential, the contract as challenge', async () => {
    const vp = await registry.signPresentation({ signer: org, type: ['NutsSelfSignedPresentation'], credentials: [employeeCredential], challenge: CONTRACT });
    expect(vp.type).toEqual(['VerifiablePresentation', 'NutsSelfSignedPresentation']);
    expect(vp.proof).toMatchObject({ type: 'Ed25519Signature2020', proofPurpose: 'authentication', challenge: CONTRACT });
    const result = await registry.verifyPresentation(vp, { challenge: CONTRACT, allowUntrusted: true });
    expect(result).toMatchObject({ validity: true, signer: org });
    expect(await safeModeProblem(vp, registry.documentLoader)).toBeUndefined();
    expect(await registry.verifyPresentation(vp, { challenge: CONTRACT, allowUntrusted: true, signerMustBeSubject: true })).toMatchObject({ validity: true });
  });

  it('can require the signer to be the subject of every credential', async () => {
    const other = (await registry.createDid('presenter')).id;
    const vp = await registry.signPresentation({ signer: other, credentials: [employeeCredential], challenge: 'c' });
    expect(await registry.verifyPresentation(vp, { challenge: 'c', allowUntrusted: true })).toMatchObject({ validity: true, signer: other });
    expect(await registry.verifyPresentation(vp, { challenge: 'c', allowUntrusted: true, signerMustBeSubject: true })).toEqual({
      validity: false,
      message: 'signer is not the credential subject',
    });
  });

  it('refuses a self-signed presentation with another challenge, a tampered credential or an untrusted issuer', async () => {
    const vp = await registry.signPresentation({ signer: org, type: ['NutsSelfSignedPresentation'], credentials: [employeeCredential], challenge: CONTRACT });
    const otherChallenge = await registry.verifyPresentation(vp, { challenge: 'another contract', allowUntrusted: true });
    expect(otherChallenge.validity).toBe(false);

    const subject = employeeCredential.credentialSubject as Record<string, unknown>;
    const forged = {
      ...vp,
      verifiableCredential: [{ ...employeeCredential, credentialSubject: { ...subject, member: { ...(subject['member'] as object), identifier: 'admin' } } }],
    };
    const tampered = await registry.verifyPresentation(forged, { challenge: CONTRACT, allowUntrusted: true });
    expect(tampered.validity).toBe(false);

    const untrusted = await registry.verifyPresentation(vp, { challenge: CONTRACT });
    expect(untrusted).toEqual({ validity: false, message: 'issuer is not trusted for credential type NutsEmployeeCredential' });
  });

  it.each(Object.keys(meansPresentations))('%s: signs, verifies, and its means proof is defined in safe mode', async (type) => {
    const vp = await registry.signPresentation({ signer: org, type: [type], challenge: 'nonce-1', presentation: meansPresentations[type]! });
    expect(vp.type).toEqual(['VerifiablePresentation', type]);
    const proofs = [vp.proof].flat() as Array<Record<string, unknown>>;
    expect(proofs).toHaveLength(2);
    expect(proofs[1]).toMatchObject({ type: 'Ed25519Signature2020' });
    expect(await registry.verifyPresentation(vp, { challenge: 'nonce-1' })).toMatchObject({ validity: true, signer: org });
    expect(await safeModeProblem(vp, registry.documentLoader)).toBeUndefined();

    const changedType = { ...vp, type: ['VerifiablePresentation', 'NutsSelfSignedPresentation'] } as VerifiablePresentation;
    expect((await registry.verifyPresentation(changedType, { challenge: 'nonce-1' })).validity).toBe(false);
  });

  it('finds undefined terms in a means proof, which no Linked Data proof covers', async () => {
    const vp = {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://nutshell.dev/ns/means/v1'],
      type: ['VerifiablePresentation', 'NutsIrmaPresentation'],
      proof: { type: 'NutsIrmaSignedContract', proofValue: 'bnVsbA==', smuggled: 'x' },
    };
    expect(await safeModeProblem(vp, registry.documentLoader)).toMatch(/^Dropping property .*\('smuggled'\)$/);
    const { smuggled: _, ...cleanProof } = vp.proof;
    expect(await safeModeProblem({ ...vp, proof: cleanProof }, registry.documentLoader)).toBeUndefined();
    const dummy = { ...vp, type: ['VerifiablePresentation', 'DummyVerifiablePresentation'], proof: { Type: 'NoSignature', Contract: 'c', Phone: '06' } };
    expect(await safeModeProblem(dummy, registry.documentLoader)).toMatch(/\('Phone'\)$/);
  });

  it('cannot sign a presentation type that no bundled context defines', async () => {
    await expect(registry.signPresentation({ signer: org, type: ['NutsIRMAPresentation'], challenge: 'c' })).rejects.toMatchObject({
      code: 'PRESENTATION_INVALID',
      detail: expect.stringMatching(/\('NutsIRMAPresentation'\)$/),
    });
  });

  it('refuses to sign for a DID not managed here', async () => {
    await expect(registry.signPresentation({ signer: 'did:web:elsewhere.example:iam:x', challenge: 'c' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
