import { beforeAll, describe, expect, it } from 'vitest';
import { decodeMetadataAttribute, metadataExpiry } from '../idemix/attributes.js';
import { randomBigInt } from '../idemix/bigint.js';
import { verifyClSignature } from '../idemix/issuance.js';
import { verifyProofList } from '../idemix/proof-list.js';
import { createProofList, issueCredential, selectForRequest, type Credential } from './prover.js';
import { loadTestConfiguration, type TestConfiguration } from './test-configuration.js';

describe('test prover', () => {
  let configuration: TestConfiguration;
  let ageLower: Credential;
  let student: Credential;

  beforeAll(async () => {
    configuration = await loadTestConfiguration();
    ageLower = issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', { over12: 'yes', over16: 'yes', over18: 'yes', over21: 'no' });
    student = issueCredential(configuration, 'irma-demo.RU.studentCard', {
      university: 'Radboud',
      studentCardNumber: '0812345678',
      studentID: 's1234567',
      level: 'PhD',
    });
  });

  it('issues credentials whose CL signature verifies and whose metadata names type, key and validity', () => {
    for (const credential of [ageLower, student]) {
      expect(verifyClSignature(credential.publicKey, credential.signature, credential.attributes)).toBe(true);
      const metadata = decodeMetadataAttribute(credential.attributes[1]!);
      expect(metadata.keyCounter).toBe(2);
      expect(metadata.version).toBe(3);
      expect(metadataExpiry(metadata).getTime() - metadata.signingDate.getTime()).toBe(26 * 604800 * 1000);
    }
    expect(() => issueCredential(configuration, 'irma-demo.MijnOverheid.ageLower', { over99: 'yes' })).toThrow(/unknown attribute/);
    expect(() => issueCredential(configuration, 'irma-demo.MijnOverheid.fullName', { firstname: 'x' })).toThrow(/missing attribute/);
  });

  it('builds proof lists that the idemix list verifier accepts, with and without the signature flag', () => {
    const nonce = randomBigInt(128);
    const choices = [
      { credential: ageLower, disclose: [4] },
      { credential: student, disclose: [2, 4] },
    ];
    for (const issig of [false, true]) {
      const proofs = createProofList(choices, { context: 1n, nonce, issig });
      const keys = [ageLower.publicKey, student.publicKey];
      expect(verifyProofList(proofs, keys, 1n, nonce, issig)).toBe(true);
      expect(verifyProofList(proofs, keys, 1n, nonce, !issig)).toBe(false);
      expect(verifyProofList(proofs, keys, 1n, nonce + 1n, issig)).toBe(false);
      expect(proofs[1]!.aDisclosed.get(4)).toBe(student.attributes[4]);
      expect(proofs[0]!.aResponses.get(0)).toBe(proofs[1]!.aResponses.get(0));
    }
  });

  it('selects credentials per disjunction in order of first use', () => {
    const selection = selectForRequest(
      [ageLower, student],
      [
        [[{ type: 'irma-demo.RU.studentCard.level', value: 'PhD' }]],
        [[{ type: 'irma-demo.MijnOverheid.ageLower.over21', value: 'yes' }], [{ type: 'irma-demo.MijnOverheid.ageLower.over18' }]],
        [[{ type: 'irma-demo.RU.studentCard' }]],
      ],
    );
    expect(selection.choices.map((choice) => choice.credential.credentialType.id)).toEqual(['irma-demo.RU.studentCard', 'irma-demo.MijnOverheid.ageLower']);
    expect(selection.indices).toEqual([[{ cred: 0, attr: 5 }], [{ cred: 1, attr: 4 }], [{ cred: 0, attr: 1 }]]);
    expect(() => selectForRequest([ageLower], [[[{ type: 'irma-demo.RU.studentCard.level' }]]])).toThrow(/cannot satisfy/);
  });
});
