import { NutshellError } from '#errors';
import type { VerifiableCredential } from '../registry-types.js';
import { JsonFileTable } from '../storage/json-file-table.js';

/** Which stored credentials to return; every given field must match. */
export interface CredentialFilter {
  readonly type?: string;
  readonly issuer?: string;
  readonly subject?: string;
}

/** Where issued and held credentials live; a JSON file today, a database table later. */
export interface CredentialRepository {
  /** The credential with this `id`, or undefined. */
  get(id: string): Promise<VerifiableCredential | undefined>;
  /** Stores a new credential; CONFLICT when its id exists. */
  insert(credential: VerifiableCredential): Promise<void>;
  /** Stored credentials matching `filter`, oldest first. */
  find(filter?: CredentialFilter): Promise<VerifiableCredential[]>;
}

/** `CredentialRepository` as one JSON file (`<datadir>/credentials.json`), rewritten atomically. */
export class FileCredentialRepository implements CredentialRepository {
  private readonly table: JsonFileTable<VerifiableCredential>;

  constructor(path: string) {
    this.table = new JsonFileTable(path);
  }

  get(id: string): Promise<VerifiableCredential | undefined> {
    return this.table.get(id);
  }

  async insert(credential: VerifiableCredential): Promise<void> {
    await this.table.update((rows) => {
      if (rows.has(credential.id)) throw new NutshellError('CONFLICT', 'a credential with this id already exists');
      rows.set(credential.id, credential);
    });
  }

  async find(filter: CredentialFilter = {}): Promise<VerifiableCredential[]> {
    return (await this.table.entries()).map(([, vc]) => vc).filter((vc) => matches(vc, filter));
  }
}

/** Whether `vc` satisfies every field of `filter`. */
function matches(vc: VerifiableCredential, filter: CredentialFilter): boolean {
  if (filter.type !== undefined && !vc.type.includes(filter.type)) return false;
  if (filter.issuer !== undefined && vc.issuer !== filter.issuer) return false;
  if (filter.subject !== undefined && vc.credentialSubject.id !== filter.subject) return false;
  return true;
}
