import { randomUUID } from 'node:crypto';
import { NutshellError } from '#errors';
import type { KeyStore } from '../keys/key-store.js';
import type { DidDocument } from '../registry-types.js';
import { didDocumentWith, verificationMethodOf } from './did-document.js';
import type { DidRepository, StoredDid } from './did-repository.js';
import { assertDid } from './did-syntax.js';
import { didWebFor, localIdOf } from './did-web.js';

/** Creates and resolves this node's did:web DIDs. */
export class Vdr {
  constructor(
    private readonly publicUrl: string,
    private readonly keys: KeyStore,
    private readonly repository: DidRepository,
  ) {}

  /** Creates `did:web:<host>:iam:<id>` (random UUID when `id` is absent) with a fresh Ed25519 key. */
  async create(id: string = randomUUID()): Promise<DidDocument> {
    const did = didWebFor(this.publicUrl, id);
    if (await this.repository.get(did)) throw new NutshellError('CONFLICT', 'a DID with this id already exists');
    const kid = `${did}#${randomUUID()}`;
    const publicJwk = await this.keys.create(kid, 'Ed25519');
    const document = didDocumentWith(did, await verificationMethodOf(kid, did, publicJwk));
    await this.repository.insert({ document, metadata: { created: new Date().toISOString(), deactivated: false } });
    return document;
  }

  /**
   * Deactivates `did` for good: its document keeps only its id (no keys, so nothing it signed verifies any more),
   * metadata says `deactivated`, and `/iam/<id>/did.json` stops serving it. The private key stays in the key store.
   */
  async deactivate(did: string): Promise<void> {
    const { document, metadata } = await this.resolve(did);
    if (metadata.deactivated) throw new NutshellError('CONFLICT', 'the DID is already deactivated');
    await this.repository.replace({
      document: { '@context': document['@context'], id: document.id, verificationMethod: [], assertionMethod: [], authentication: [] },
      metadata: { ...metadata, updated: new Date().toISOString(), deactivated: true },
    });
  }

  /** Every DID managed here. */
  list(): Promise<string[]> {
    return this.repository.list();
  }

  /** The document and metadata of `did`; DID_INVALID when malformed, DID_NOT_FOUND when not ours. */
  async resolve(did: string): Promise<StoredDid> {
    assertDid(did);
    const entry = await this.repository.get(did);
    if (!entry) throw new NutshellError('DID_NOT_FOUND', 'unable to find the DID document');
    return entry;
  }

  /** The document of `did` when this node holds it, else undefined (never throws for unknown or malformed DIDs). */
  async find(did: string): Promise<DidDocument | undefined> {
    return (await this.repository.get(did))?.document;
  }

  /** The document served at `/iam/<id>/did.json`, when `id` is one of ours and not deactivated. */
  async findByLocalId(id: string): Promise<DidDocument | undefined> {
    let did: string;
    try {
      did = didWebFor(this.publicUrl, id);
    } catch {
      return undefined;
    }
    const entry = await this.repository.get(did);
    return entry && !entry.metadata.deactivated ? entry.document : undefined;
  }

  /** Whether this node holds `did`'s document and the private key of its first assertion method. */
  async isManagedHere(did: string): Promise<boolean> {
    const document = await this.find(did);
    const kid = document?.assertionMethod[0];
    return kid !== undefined && (await this.keys.has(kid));
  }

  /** Whether `did` has the shape of a DID of this node (it may still be unknown). */
  isOurs(did: string): boolean {
    return localIdOf(this.publicUrl, did) !== undefined;
  }
}
