import { chmod, cp, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Scheme paths that are never in an index (irmago `sigExceptions`): repository clutter, the key files,
 * the index itself and unsigned private keys. Matched against `<scheme>/<relative path>`.
 */
const UNSIGNED_PATTERNS: readonly RegExp[] = [
  /\/.git(\/.*)?/,
  /^.*?\/pk\.pem$/,
  /^.*?\/sk\.pem$/,
  /^.*?\/index/,
  /^.*?\/index\.sig/,
  /^.*?\/AUTHORS$/,
  /^.*?\/LICENSE$/,
  /^.*?\/README\.md$/,
  /^.*?\/.*?\/PrivateKeys$/,
  /^.*?\/.*?\/PrivateKeys\/\d+.xml$/,
  /^.*?\/assets\/?\w*(\.png)?$/,
  /\.DS_Store$/,
];

/** True for a scheme path (`<scheme>/<rel>`) that is expected to be absent from the index. */
export function isUnsignedPath(schemePath: string): boolean {
  return UNSIGNED_PATTERNS.some((re) => re.test(schemePath));
}

/**
 * irmago `skipSigning` for issuer schemes, inverted: the files (relative to the scheme folder) that `irma scheme sign`
 * puts in the index: `*.xml`, `*.png`, `kss-<n>.pem` and `timestamp`, outside `PrivateKeys/`, `Proofs/` and `.git/`.
 */
export function isSignablePath(rel: string): boolean {
  const base = rel.split('/').at(-1)!;
  const slashed = `/${rel}`;
  if (base.endsWith('index') || slashed.includes('/.git/')) return false;
  if (slashed.includes('/PrivateKeys/') || slashed.includes('/Proofs/')) return false;
  return base.endsWith('.xml') || base.endsWith('.png') || /^kss-\d+\.pem$/.test(base) || base === 'timestamp';
}

/** Leftovers of an interrupted install or update (irmago IsTempSchemeDir). */
export function isTempSchemeDir(name: string): boolean {
  return /^\.?(tempscheme|oldscheme)/.test(name);
}

/** All regular files below `dir` as forward-slash relative paths; `.git` folders are skipped. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (abs: string, rel: string): Promise<void> => {
    const entries = await readdir(abs, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(join(abs, entry.name), childRel);
      else if (entry.isFile()) out.push(childRel);
    }
  };
  await walk(dir, '');
  return out.sort();
}

/** Names of the direct subfolders of `dir` (none when it does not exist). */
export async function listSubfolders(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** A fresh `.tempscheme*` folder next to the schemes, so a final rename never crosses devices. */
export function makeTempSchemeDir(schemesPath: string): Promise<string> {
  return mkdtemp(join(schemesPath, '.tempscheme'));
}

/** Recursively copies a scheme folder; file modes are not kept so read-only sources yield writable copies. */
export async function copyTree(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true, force: true, errorOnExist: false });
  await makeWritable(to);
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(p);
    else if (entry.isFile()) await chmod(p, 0o644);
  }
}

/**
 * Puts `fresh` in place of `current`: rename the old folder aside into `.oldscheme*`, rename the new one in, then
 * delete the old. If the first rename succeeds the second one does too (same parent), so either the new scheme is
 * in place or the old one is untouched.
 */
export async function swapSchemeDir(schemesPath: string, current: string, fresh: string): Promise<void> {
  const aside = await mkdtemp(join(schemesPath, '.oldscheme'));
  try {
    let moved = false;
    try {
      await rename(current, join(aside, 'scheme'));
      moved = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    try {
      await rename(fresh, current);
    } catch (error) {
      if (moved) await rename(join(aside, 'scheme'), current);
      throw error;
    }
  } finally {
    await rm(aside, { recursive: true, force: true });
  }
}

/** Removes leftover temp scheme folders from `schemesPath`; returns their names. */
export async function removeTempSchemeDirs(schemesPath: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await listSubfolders(schemesPath)) {
    if (!isTempSchemeDir(name)) continue;
    await rm(join(schemesPath, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
