import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NutshellError } from '#errors';
import { parseSchemeDescription } from './descriptions.js';
import { fetchSchemeFile } from './http.js';
import { readSchemeDirectory, type LoadedScheme } from './read-scheme.js';
import { fetchDemoPrivateKeys, fetchRemoteState, syncIndexedFiles } from './remote.js';
import { parseSchemePublicKey } from './signature.js';
import { makeTempSchemeDir, swapSchemeDir } from './tree.js';
import type { SchemeLogger } from './types.js';

/** Options of `downloadScheme`. */
export interface DownloadSchemeOptions {
  schemesPath: string;
  /** Pinned scheme public key (PEM). Without it the remote `pk.pem` is trusted on first use (irmago TOFU install). */
  publicKeyPem?: string;
  timeoutMs: number;
  logger: SchemeLogger;
  /** Ids already installed; installing one of them again is refused. */
  installed: ReadonlySet<string>;
}

/**
 * Installs a remote scheme into `schemesPath/<id>`: everything is fetched into a `.tempscheme*` folder, the index
 * signature and every file hash are checked, the copy is parsed as a whole, and only then renamed into place.
 */
export async function downloadScheme(url: string, options: DownloadSchemeOptions): Promise<LoadedScheme> {
  const base = url.replace(/\/+$/, '').replace(/\/description\.xml$/, '');
  // The description is fetched unverified only to learn the id; the verified copy is checked again below.
  const description = await fetchSchemeFile(base, 'description.xml', options.timeoutMs);
  const announced = parseSchemeDescription(description.toString('utf8'), `${base}/description.xml`, idOf(description), 0);
  const id = announced.id;
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(id) || /^(tempscheme|oldscheme)/.test(id)) {
    throw new NutshellError('SCHEME_INVALID', `${base}/description.xml: unusable scheme id`);
  }
  if (options.installed.has(id)) throw new NutshellError('CONFLICT', `scheme ${id} is already installed`);

  await mkdir(options.schemesPath, { recursive: true });
  const temp = await makeTempSchemeDir(options.schemesPath);
  try {
    const dir = join(temp, id);
    await mkdir(dir);
    const pk = options.publicKeyPem ?? (await fetchSchemeFile(base, 'pk.pem', options.timeoutMs)).toString('utf8');
    parseSchemePublicKey(pk, `${id}/pk.pem`);
    await writeFile(join(dir, 'pk.pem'), pk);
    const remote = await fetchRemoteState(base, id, pk, options.timeoutMs);
    await writeFile(join(dir, 'index'), remote.indexBytes);
    await writeFile(join(dir, 'index.sig'), remote.signature);
    await syncIndexedFiles(base, id, remote.index, dir, options.timeoutMs);
    if (announced.demo) await fetchDemoPrivateKeys(base, id, dir, options.timeoutMs, options.logger);
    const verified = await readSchemeDirectory(dir);
    const target = join(options.schemesPath, id);
    await swapSchemeDir(options.schemesPath, target, dir);
    const installed: LoadedScheme = { ...verified, dir: target };
    options.logger.info(`installed scheme ${id} (timestamp ${installed.manager.timestamp}) from ${base}`);
    return installed;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** The `<Id>` a description claims, so the folder check inside the parser compares it with itself. */
function idOf(description: Buffer): string {
  const m = /<Id>\s*([^<]*?)\s*<\/Id>/.exec(description.toString('utf8'));
  if (m === null) throw new NutshellError('SCHEME_INVALID', 'remote description.xml has no <Id>');
  return m[1]!;
}
