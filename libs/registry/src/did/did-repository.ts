import { NutshellError } from '#errors';
import type { DidDocument, DidDocumentMetadata } from '../registry-types.js';
import { JsonFileTable } from '../storage/json-file-table.js';

/** A DID document managed here, with its metadata. */
export interface StoredDid {
  readonly document: DidDocument;
  readonly metadata: DidDocumentMetadata;
}

/** Where our DID documents live; a JSON file today, a database table later. */
export interface DidRepository {
  /** The entry of `did`, or undefined. */
  get(did: string): Promise<StoredDid | undefined>;
  /** Stores a new DID; CONFLICT when it exists. */
  insert(entry: StoredDid): Promise<void>;
  /** Replaces an existing DID's entry; DID_NOT_FOUND when absent. */
  replace(entry: StoredDid): Promise<void>;
  /** Every DID, oldest first. */
  list(): Promise<string[]>;
}

/** `DidRepository` as one JSON file (`<datadir>/dids.json`), rewritten atomically. */
export class FileDidRepository implements DidRepository {
  private readonly table: JsonFileTable<StoredDid>;

  constructor(path: string) {
    this.table = new JsonFileTable(path);
  }

  get(did: string): Promise<StoredDid | undefined> {
    return this.table.get(did);
  }

  async insert(entry: StoredDid): Promise<void> {
    await this.table.update((rows) => {
      if (rows.has(entry.document.id)) throw new NutshellError('CONFLICT', 'this DID already exists');
      rows.set(entry.document.id, entry);
    });
  }

  async replace(entry: StoredDid): Promise<void> {
    await this.table.update((rows) => {
      if (!rows.has(entry.document.id)) throw new NutshellError('DID_NOT_FOUND', 'unable to find the DID document');
      rows.set(entry.document.id, entry);
    });
  }

  async list(): Promise<string[]> {
    return (await this.table.entries()).map(([did]) => did);
  }
}
