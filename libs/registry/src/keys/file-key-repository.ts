import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { NutshellError } from '#errors';
import { createFileAtomic, readJsonFile } from '../storage/atomic-file.js';
import type { KeyRepository, StoredKey } from './key-repository.js';

const SUFFIX = '.key.json';

/** Keys as one JSON file each (mode 0600) in a directory of mode 0700; file names are the base64url kid. */
export class FileKeyRepository implements KeyRepository {
  constructor(private readonly dir: string) {}

  /** Creates the directory (0700) if needed and tightens its mode when it already existed. */
  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    if (((await stat(this.dir)).mode & 0o077) !== 0) await chmod(this.dir, 0o700);
  }

  async get(kid: string): Promise<StoredKey | undefined> {
    const data = await readJsonFile(this.fileOf(kid));
    if (data === undefined) return undefined;
    if (!isStoredKey(data) || data.kid !== kid) throw new NutshellError('STORE_UNAVAILABLE', 'a key file is damaged');
    return data;
  }

  async insert(key: StoredKey): Promise<void> {
    const created = await createFileAtomic(this.fileOf(key.kid), JSON.stringify(key, null, 2) + '\n', 0o600);
    if (!created) throw new NutshellError('CONFLICT', 'a key with this id already exists');
  }

  async list(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new NutshellError('STORE_UNAVAILABLE', 'cannot list the key directory', { cause });
    }
    return names.filter((n) => n.endsWith(SUFFIX)).map((n) => Buffer.from(n.slice(0, -SUFFIX.length), 'base64url').toString('utf8')).sort();
  }

  private fileOf(kid: string): string {
    return join(this.dir, Buffer.from(kid, 'utf8').toString('base64url') + SUFFIX);
  }
}

function isStoredKey(value: unknown): value is StoredKey {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return v['version'] === 1 && typeof v['kid'] === 'string' && v['type'] === 'Ed25519' && typeof v['publicJwk'] === 'object' && typeof v['privateKey'] === 'object';
}
