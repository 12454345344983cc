export type { JsonWebKey } from 'node:crypto';
export { KEY_STORE, type KeyStore, type KeyType } from './keys/key-store.js';
export { Registry, type ResolveOrganizationOptions } from './registry.js';
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
