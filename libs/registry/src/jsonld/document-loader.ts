import { securityLoader } from '@digitalbazaar/security-document-loader';
import type { DocumentLoader } from '@digitalbazaar/vc';
import { didOf } from '../did/did-syntax.js';
import type { DidDocument } from '../registry-types.js';
import { ED25519_2020_V1_URL, ownContexts } from './contexts/index.js';

/** Finds a DID document this node knows; undefined when it does not. */
export type DidResolver = (did: string) => Promise<DidDocument | undefined>;

export type { DocumentLoader };

/** Loads every bundled context: credentials v1/v2, DID v1, Ed25519-2020 (and the others securityLoader ships) plus ours. */
export function createStaticLoader(): DocumentLoader {
  const builder = securityLoader();
  for (const [url, document] of ownContexts) builder.addStatic(url, document);
  return builder.build();
}

/**
 * The one JSON-LD document loader of a registry: bundled contexts, plus DIDs and their verification methods
 * resolved through `resolveDid` (our own documents). It never touches the network; anything else is refused.
 */
export function createDocumentLoader(resolveDid: DidResolver, staticLoader: DocumentLoader = createStaticLoader()): DocumentLoader {
  return async (url: string) => {
    if (!url.startsWith('did:')) return staticLoader(url);
    const did = didOf(url);
    const document = await resolveDid(did);
    if (!document) throw new Error(`unknown DID: ${did}`);
    if (url === did) return { contextUrl: null, documentUrl: url, document };
    const method = document.verificationMethod.find((vm) => vm.id === url);
    if (!method) throw new Error(`unknown verification method: ${url}`);
    // A key inside a DID document has no context of its own; the suite insists on seeing its context.
    return { contextUrl: null, documentUrl: url, document: { '@context': ED25519_2020_V1_URL, ...method } };
  };
}
