export type { JsonWebKey } from 'node:crypto';
export { KEY_STORE, type KeyStore, type KeyType } from './keys/key-store.js';
export { FileKeyStore, type KeyStoreOptions } from './keys/file-key-store.js';
export type { KeyRepository, StoredKey, SealedPrivateKey } from './keys/key-repository.js';
export { FileKeyRepository } from './keys/file-key-repository.js';
export { Registry, type OpenRegistryOptions, type RegistryParts, type ResolveOrganizationOptions } from './registry.js';
export { FileDidRepository, type DidRepository, type StoredDid } from './did/did-repository.js';
export { assertDid, didOf, isDid } from './did/did-syntax.js';
export { didWebFor, localIdOf } from './did/did-web.js';
export { Vdr } from './did/vdr.js';
export { FileCredentialRepository, type CredentialFilter, type CredentialRepository } from './vcr/credential-repository.js';
export { credentialTypes, isCredentialType, type CredentialType } from './vcr/credential-types.js';
export type { IssueRequest } from './vcr/issue-request.js';
export type { VerifyCredentialOptions } from './vcr/verifier.js';
export { FileTrustRepository, type TrustRepository } from './trust/trust-repository.js';
export type { PresentationVerification, SignPresentationRequest, VerifyPresentationOptions } from './presentation/presentations.js';
export { createDocumentLoader, type DidResolver, type DocumentLoader } from './jsonld/document-loader.js';
export {
  DID_V1_URL,
  ED25519_2020_V1_URL,
  NUTS_CREDENTIALS_V1_URL,
  NUTSHELL_MEANS_V1_URL,
  W3C_CREDENTIALS_V1_URL,
} from './jsonld/contexts/index.js';
export type {
  CredentialVerification,
  DidDocument,
  DidDocumentMetadata,
  LinkedDataProof,
  Organization,
  VerifiableCredential,
  VerifiablePresentation,
  VerificationMethod,
} from './registry-types.js';
