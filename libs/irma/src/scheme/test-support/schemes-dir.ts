import { chmod, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared real `irma_configuration` (irma-demo, pbdf) tests read; `IRMA_SCHEMES_DIR` overrides it. */
export function sharedSchemesDir(): string {
  const fromEnv = process.env['IRMA_SCHEMES_DIR'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return fileURLToPath(new URL('../../../../../../shared/irma_configuration', import.meta.url));
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(p);
    else await chmod(p, 0o644);
  }
}

/** A fresh temp folder; remove it with `removeTemp`. */
export function makeTemp(prefix = 'nutshell-scheme-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Removes a temp folder made by `makeTemp`. */
export function removeTemp(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** Copies the named real schemes into `target` (created), writable, so tests may tamper with them. */
export async function copySharedSchemes(target: string, ids: readonly string[] = ['irma-demo', 'pbdf']): Promise<string> {
  for (const id of ids) {
    await cp(join(sharedSchemesDir(), id), join(target, id), { recursive: true });
    await makeWritable(join(target, id));
  }
  return target;
}
