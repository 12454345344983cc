import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileDidRepository } from '../did/did-repository.js';
import { FileKeyRepository } from '../keys/file-key-repository.js';
import { FileKeyStore } from '../keys/file-key-store.js';
import { Registry } from '../registry.js';
import { FileTrustRepository } from '../trust/trust-repository.js';
import { FileCredentialRepository } from '../vcr/credential-repository.js';

/** A file-backed registry in a fresh temp dir with a settable clock, for tests. */
export interface TempRegistry {
  readonly registry: Registry;
  readonly datadir: string;
  /** Moves the registry's clock (issuance times); verification takes its own `at`. */
  setNow(date: Date): void;
  dispose(): void;
}

/** Creates a `TempRegistry` under publicUrl `http://localhost:1323` without a passphrase. */
export async function tempRegistry(publicUrl = 'http://localhost:1323'): Promise<TempRegistry> {
  const datadir = mkdtempSync(join(tmpdir(), 'nutshell-registry-'));
  let now: Date | undefined;
  const keyRepository = new FileKeyRepository(join(datadir, 'keys'));
  await keyRepository.init();
  const registry = new Registry({
    publicUrl,
    keys: await FileKeyStore.open({ repository: keyRepository, passphrase: undefined }),
    dids: new FileDidRepository(join(datadir, 'dids.json')),
    credentials: new FileCredentialRepository(join(datadir, 'credentials.json')),
    trust: new FileTrustRepository(join(datadir, 'trust.json')),
    now: () => now ?? new Date(),
  });
  return {
    registry,
    datadir,
    setNow: (date) => {
      now = date;
    },
    dispose: () => rmSync(datadir, { recursive: true, force: true }),
  };
}
