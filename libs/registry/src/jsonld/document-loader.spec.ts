// Runs in its own file (own worker): jsonld caches resolved contexts process-wide, so a loader test that shares a
// process with other JSON-LD work can pass by accident (ecosystem.md B.4).
import { describe, expect, it } from 'vitest';
import type { DidDocument } from '../registry-types.js';
import { DID_V1_URL, ED25519_2020_V1_URL, NUTS_CREDENTIALS_V1_URL, NUTSHELL_MEANS_V1_URL, W3C_CREDENTIALS_V1_URL } from './contexts/index.js';
import { createDocumentLoader } from './document-loader.js';

const did = 'did:web:node.example:iam:a';
const kid = `${did}#k1`;
const document: DidDocument = {
  '@context': [DID_V1_URL, ED25519_2020_V1_URL],
  id: did,
  verificationMethod: [{ id: kid, type: 'Ed25519VerificationKey2020', controller: did, publicKeyMultibase: 'z6Mkm4LqJ2bdMQaQs21m6ejUSPpcfWXrsqUuezci2dAwKn19' }],
  assertionMethod: [kid],
  authentication: [kid],
};
const loader = createDocumentLoader(async (d) => (d === did ? document : undefined));

describe('document loader', () => {
  it.each([W3C_CREDENTIALS_V1_URL, 'https://www.w3.org/ns/credentials/v2', DID_V1_URL, ED25519_2020_V1_URL, NUTS_CREDENTIALS_V1_URL, NUTSHELL_MEANS_V1_URL])(
    'serves %s from the bundle',
    async (url) => {
      const { document: loaded } = await loader(url);
      expect(loaded).toHaveProperty('@context');
    },
  );

  it('resolves our DIDs and their keys, giving a key the suite context', async () => {
    expect((await loader(did)).document).toEqual(document);
    expect((await loader(kid)).document).toEqual({ '@context': ED25519_2020_V1_URL, ...document.verificationMethod[0] });
  });

  it('refuses anything else instead of going to the network', async () => {
    await expect(loader('https://schema.org/')).rejects.toThrow();
    await expect(loader('https://nuts.nl/credentials/v2')).rejects.toThrow();
    await expect(loader('did:web:other.example')).rejects.toThrow(/unknown DID/);
    await expect(loader(`${did}#nope`)).rejects.toThrow(/unknown verification method/);
  });
});
