import { JsonFileTable } from '../storage/json-file-table.js';

/** Which issuers are trusted for which credential type; a JSON file today, a database table later. */
export interface TrustRepository {
  /** Marks `issuer` trusted for `credentialType` (idempotent). */
  trust(credentialType: string, issuer: string): Promise<void>;
  /** Removes that trust (idempotent). */
  untrust(credentialType: string, issuer: string): Promise<void>;
  /** Issuers trusted for `credentialType`, in the order they were trusted. */
  trusted(credentialType: string): Promise<string[]>;
}

/** `TrustRepository` as one JSON file (`<datadir>/trust.json`: type → issuers), rewritten atomically. */
export class FileTrustRepository implements TrustRepository {
  private readonly table: JsonFileTable<string[]>;

  constructor(path: string) {
    this.table = new JsonFileTable(path);
  }

  async trust(credentialType: string, issuer: string): Promise<void> {
    const current = await this.trusted(credentialType);
    if (current.includes(issuer)) return;
    await this.table.update((rows) => {
      const issuers = rows.get(credentialType) ?? [];
      if (!issuers.includes(issuer)) rows.set(credentialType, [...issuers, issuer]);
    });
  }

  async untrust(credentialType: string, issuer: string): Promise<void> {
    if (!(await this.trusted(credentialType)).includes(issuer)) return;
    await this.table.update((rows) => {
      const issuers = (rows.get(credentialType) ?? []).filter((i) => i !== issuer);
      if (issuers.length === 0) rows.delete(credentialType);
      else rows.set(credentialType, issuers);
    });
  }

  async trusted(credentialType: string): Promise<string[]> {
    return [...((await this.table.get(credentialType)) ?? [])];
  }
}
