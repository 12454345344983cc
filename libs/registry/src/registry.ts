import { join } from 'node:path';
import { NutshellError } from '#errors';
import { FileDidRepository, type DidRepository, type StoredDid } from './did/did-repository.js';
import { assertDid } from './did/did-syntax.js';
import { Vdr } from './did/vdr.js';
import { createDocumentLoader, type DocumentLoader } from './jsonld/document-loader.js';
import { FileKeyRepository } from './keys/file-key-repository.js';
import { FileKeyStore } from './keys/file-key-store.js';
import type { KeyStore } from './keys/key-store.js';
import { resolveOrganization } from './organization/resolve-organization.js';
import {
  signPresentation,
  verifyPresentation,
  type PresentationDeps,
  type PresentationVerification,
  type SignPresentationRequest,
  type VerifyPresentationOptions,
} from './presentation/presentations.js';
import type { CredentialVerification, DidDocument, Organization, VerifiableCredential, VerifiablePresentation } from './registry-types.js';
import { FileTrustRepository, type TrustRepository } from './trust/trust-repository.js';
import { FileCredentialRepository, type CredentialFilter, type CredentialRepository } from './vcr/credential-repository.js';
import { issueCredential } from './vcr/issuer.js';
import type { IssueRequest } from './vcr/issue-request.js';
import { verifyCredential, type VerifyCredentialOptions } from './vcr/verifier.js';

/** Options of `Registry.resolveOrganization`. */
export interface ResolveOrganizationOptions {
  /** Moment the organization credential must be valid at (the contract's validFrom). */
  readonly at: Date;
  /** A NutsOrganizationCredential given by the caller; verified here instead of searching the store. */
  readonly credential?: unknown;
}

/** The parts a registry is built from; repositories can be swapped for database-backed ones. */
export interface RegistryParts {
  /** Public base URL; our DIDs are `did:web:<its host>:iam:<id>`. */
  readonly publicUrl: string;
  readonly keys: KeyStore;
  readonly dids: DidRepository;
  readonly credentials: CredentialRepository;
  readonly trust: TrustRepository;
  /** Tolerance on credential and proof times (default 5 s). */
  readonly clockSkewSeconds?: number;
  readonly now?: () => Date;
}

/** Options of `Registry.open`: a file-backed registry in `datadir`. */
export interface OpenRegistryOptions {
  readonly datadir: string;
  readonly publicUrl: string;
  readonly passphrase: string | undefined;
  readonly clockSkewSeconds?: number;
  readonly warn?: (message: string) => void;
}

/**
 * The node's registry: its did:web DIDs and keys (VDR), the credentials it issued (VCR) and whom it trusts.
 * Plain TypeScript; the Nest module provides one instance under the class token.
 */
export class Registry {
  readonly keyStore: KeyStore;
  readonly vdr: Vdr;
  /** Offline JSON-LD loader: bundled contexts plus the DIDs of this node. */
  readonly documentLoader: DocumentLoader;
  private readonly deps: PresentationDeps & { credentials: CredentialRepository };

  constructor(parts: RegistryParts) {
    this.keyStore = parts.keys;
    this.vdr = new Vdr(parts.publicUrl, parts.keys, parts.dids);
    this.documentLoader = createDocumentLoader((did) => this.vdr.find(did));
    this.deps = {
      vdr: this.vdr,
      keys: parts.keys,
      credentials: parts.credentials,
      trust: parts.trust,
      documentLoader: this.documentLoader,
      now: parts.now ?? (() => new Date()),
      clockSkewSeconds: parts.clockSkewSeconds ?? 5,
    };
  }

  /** Opens the file-backed registry under `datadir` (keys/, dids.json, credentials.json, trust.json). */
  static async open(options: OpenRegistryOptions): Promise<Registry> {
    const keyRepository = new FileKeyRepository(join(options.datadir, 'keys'));
    await keyRepository.init();
    const keys = await FileKeyStore.open({ repository: keyRepository, passphrase: options.passphrase, ...(options.warn ? { warn: options.warn } : {}) });
    return new Registry({
      publicUrl: options.publicUrl,
      keys,
      dids: new FileDidRepository(join(options.datadir, 'dids.json')),
      credentials: new FileCredentialRepository(join(options.datadir, 'credentials.json')),
      trust: new FileTrustRepository(join(options.datadir, 'trust.json')),
      ...(options.clockSkewSeconds !== undefined ? { clockSkewSeconds: options.clockSkewSeconds } : {}),
    });
  }

  // --- VDR ---

  /** Creates a did:web DID with a fresh Ed25519 key (random UUID id when absent). */
  createDid(id?: string): Promise<DidDocument> {
    return this.vdr.create(id);
  }

  /** Every DID managed here. */
  listDids(): Promise<string[]> {
    return this.vdr.list();
  }

  /** Document and metadata of one of our DIDs; DID_INVALID (400) when malformed, DID_NOT_FOUND (404) when unknown. */
  resolveDid(did: string): Promise<StoredDid> {
    return this.vdr.resolve(did);
  }

  /** Deactivates one of our DIDs (nuts v6 `deactivate`); DID_NOT_FOUND when unknown, CONFLICT when already done. */
  deactivateDid(did: string): Promise<void> {
    return this.vdr.deactivate(did);
  }

  /** Whether `did` is a DID whose document and private key this node holds. */
  isManagedHere(did: string): Promise<boolean> {
    return this.vdr.isManagedHere(did);
  }

  // --- VCR ---

  /** Issues and stores a credential signed by `request.issuer` (must be managed here). */
  issueCredential(request: IssueRequest): Promise<VerifiableCredential> {
    return issueCredential(request, this.deps);
  }

  /** A stored credential; CREDENTIAL_NOT_FOUND when unknown. */
  async getCredential(id: string): Promise<VerifiableCredential> {
    const credential = await this.deps.credentials.get(id);
    if (!credential) throw new NutshellError('CREDENTIAL_NOT_FOUND', 'credential not found');
    return credential;
  }

  /** Stored credentials matching `filter`. */
  findCredentials(filter: CredentialFilter = {}): Promise<VerifiableCredential[]> {
    return this.deps.credentials.find(filter);
  }

  /** Verifies signature, validity at `options.at` (default now) and, unless allowed otherwise, trust in the issuer. */
  verifyCredential(credential: unknown, options: VerifyCredentialOptions = {}): Promise<CredentialVerification> {
    return verifyCredential(credential, options, this.deps);
  }

  /** Signs a presentation with the authentication key of `request.signer` (a DID managed here). */
  signPresentation(request: SignPresentationRequest): Promise<VerifiablePresentation> {
    return signPresentation(request, this.deps);
  }

  /** Verifies a presentation's Linked Data proof and the credentials in it. */
  verifyPresentation(presentation: unknown, options: VerifyPresentationOptions): Promise<PresentationVerification> {
    return verifyPresentation(presentation, options, this.deps);
  }

  // --- trust ---

  /** Trusts `issuer` for `credentialType`. */
  async trust(issuer: string, credentialType: string): Promise<void> {
    await this.deps.trust.trust(credentialType, assertDid(issuer, 'issuer'));
  }

  /** Stops trusting `issuer` for `credentialType`. */
  async untrust(issuer: string, credentialType: string): Promise<void> {
    await this.deps.trust.untrust(credentialType, assertDid(issuer, 'issuer'));
  }

  /** Issuers trusted for `credentialType`. */
  trusted(credentialType: string): Promise<string[]> {
    return this.deps.trust.trusted(credentialType);
  }

  /** Issuers of stored credentials of `credentialType` that are not trusted for it. */
  async untrusted(credentialType: string): Promise<string[]> {
    const trusted = new Set(await this.trusted(credentialType));
    const issuers = (await this.deps.credentials.find({ type: credentialType })).map((vc) => vc.issuer);
    return [...new Set(issuers)].filter((issuer) => !trusted.has(issuer));
  }

  // --- organizations ---

  /** Name and city of a legal entity managed here, from a trusted NutsOrganizationCredential valid at `options.at`. */
  resolveOrganization(legalEntity: string, options: ResolveOrganizationOptions): Promise<Organization> {
    return resolveOrganization(legalEntity, options, this.deps);
  }
}
