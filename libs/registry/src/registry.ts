import type { KeyStore } from './keys/key-store.js';
import type { DidDocument, Organization, VerifiableCredential, CredentialVerification } from './registry-types.js';

/** Options of `Registry.resolveOrganization`. */
export interface ResolveOrganizationOptions {
  /** Moment the organization credential must be valid at (the contract's validFrom). */
  readonly at: Date;
  /** A NutsOrganizationCredential given by the caller; verified here instead of searching the store. */
  readonly credential?: unknown;
}

/**
 * The node's registry: its did:web DIDs and keys (VDR), the credentials it issued or holds (VCR) and whom it trusts.
 * Plain TypeScript; the Nest module provides one instance under the class token.
 */
export class Registry {
  constructor(readonly keyStore: KeyStore) {}

  /** Name and city of a legal entity managed here, from a trusted NutsOrganizationCredential valid at `options.at`. */
  async resolveOrganization(legalEntity: string, options: ResolveOrganizationOptions): Promise<Organization> {
    void legalEntity;
    void options;
    throw new Error('not implemented yet');
  }

  /** Whether `did` is a DID whose document and keys this node holds. */
  async isManagedHere(did: string): Promise<boolean> {
    void did;
    throw new Error('not implemented yet');
  }
}

export type { DidDocument, VerifiableCredential, CredentialVerification };
