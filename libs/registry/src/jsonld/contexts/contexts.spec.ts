import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { createStaticLoader } from '../document-loader.js';
import { NUTS_CREDENTIALS_V1_URL, W3C_CREDENTIALS_V1_URL } from './index.js';

const documentLoader = createStaticLoader();

describe('our Nuts credentials context', () => {
  it('expands a NutsOrganizationCredential to the IRIs Nuts searches on (nuts-auth-v1 §5)', async () => {
    const [expanded] = await jsonld.expand(
      {
        '@context': [W3C_CREDENTIALS_V1_URL, NUTS_CREDENTIALS_V1_URL],
        type: ['VerifiableCredential', 'NutsOrganizationCredential'],
        credentialSubject: { id: 'did:web:x', organization: { name: 'CareBears', city: 'Caretown' } },
      },
      { documentLoader, safe: true },
    );
    expect(expanded).toEqual({
      '@type': ['https://www.w3.org/2018/credentials#VerifiableCredential', 'https://nuts.nl/credentials/v1#NutsOrganizationCredential'],
      'https://www.w3.org/2018/credentials#credentialSubject': [
        {
          '@id': 'did:web:x',
          'http://schema.org/organization': [
            { 'http://schema.org/legalname': [{ '@value': 'CareBears' }], 'http://schema.org/city': [{ '@value': 'Caretown' }] },
          ],
        },
      ],
    });
  });

  it('puts NutsEmployeeCredential subjects in the schema.org vocabulary', async () => {
    const [expanded] = await jsonld.expand(
      {
        '@context': [W3C_CREDENTIALS_V1_URL, NUTS_CREDENTIALS_V1_URL],
        type: ['VerifiableCredential', 'NutsEmployeeCredential'],
        credentialSubject: { id: 'did:web:x', type: 'Organization', member: { identifier: 'e1', type: 'EmployeeRole' } },
      },
      { documentLoader, safe: true },
    );
    const subject = (expanded as Record<string, Array<Record<string, unknown>>>)['https://www.w3.org/2018/credentials#credentialSubject']![0]!;
    expect(subject['@type']).toEqual(['http://schema.org/Organization']);
    expect(subject['http://schema.org/member']).toEqual([{ '@type': ['http://schema.org/EmployeeRole'], 'http://schema.org/identifier': [{ '@value': 'e1' }] }]);
  });
});
