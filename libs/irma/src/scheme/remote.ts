import { createHash } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { NutshellError } from '#errors';
import { fetchSchemeFile, fetchSchemeFileOptional } from './http.js';
import type { SchemeIndex } from './index-file.js';
import { verifySignedIndex } from './read-scheme.js';
import { parseSchemeTimestamp } from './timestamp.js';
import { mapLimit } from './parallel.js';
import { listFiles } from './tree.js';
import type { SchemeLogger } from './types.js';

/** The signed head of a remote scheme: index, signature and timestamp, already verified. */
export interface RemoteSchemeState {
  indexBytes: Buffer;
  signature: Buffer;
  index: SchemeIndex;
  timestampBytes: Buffer;
  timestamp: number;
}

const PARALLEL_DOWNLOADS = 8;

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Fetches `index`, `index.sig` and `timestamp` of a remote scheme and verifies them against the LOCAL scheme public
 * key (updates never rotate the key), and that the timestamp's hash is the one the index lists (irmago
 * checkRemoteTimestamp).
 */
export async function fetchRemoteState(
  url: string, schemeId: string, publicKeyPem: string | Buffer, timeoutMs: number,
): Promise<RemoteSchemeState> {
  const [indexBytes, signature, timestampBytes] = await Promise.all(
    ['index', 'index.sig', 'timestamp'].map((f) => fetchSchemeFile(url, f, timeoutMs)),
  );
  const index = verifySignedIndex(schemeId, indexBytes!, signature!, publicKeyPem);
  const listed = index.get(`${schemeId}/timestamp`);
  if (listed === undefined || listed !== sha256Hex(timestampBytes!)) {
    throw new NutshellError('SCHEME_SIGNATURE_INVALID', `${schemeId}/timestamp: remote timestamp does not match the signed index`);
  }
  const timestamp = parseSchemeTimestamp(timestampBytes!.toString('utf8'), `${schemeId}/timestamp`);
  return { indexBytes: indexBytes!, signature: signature!, index, timestampBytes: timestampBytes!, timestamp };
}

/**
 * Brings the files of `dir` (a scheme folder being built) in line with a verified index: every listed file that is
 * missing or whose hash is not the listed one is downloaded and checked against the index before it is written.
 * Returns the scheme paths that were downloaded. `previous` is the verified index `dir` was copied under, if any.
 */
export async function syncIndexedFiles(
  url: string, schemeId: string, index: SchemeIndex, dir: string, timeoutMs: number, previous?: SchemeIndex,
): Promise<string[]> {
  const stale: Array<[string, string]> = [];
  for (const [path, hash] of index) {
    const target = join(dir, path.slice(schemeId.length + 1));
    if (await exists(target)) {
      // `dir` is a copy of a scheme verified against `previous`, so an unchanged hash means an unchanged file.
      if (previous?.get(path) === hash) continue;
      if (sha256Hex(await readFile(target)) === hash) continue;
    }
    stale.push([path, hash]);
  }
  const changed: string[] = [];
  await mapLimit(stale, PARALLEL_DOWNLOADS, async ([path, hash]) => {
    const rel = path.slice(schemeId.length + 1);
    const bytes = await fetchSchemeFile(url, rel, timeoutMs);
    if (sha256Hex(bytes) !== hash) {
      throw new NutshellError('SCHEME_SIGNATURE_INVALID', `${path}: downloaded file does not match the signed index`);
    }
    const target = join(dir, rel);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    changed.push(path);
  });
  return changed.sort();
}

/**
 * Demo schemes publish their (unsigned) scheme and issuer private keys; fetch `sk.pem` and
 * `<issuer>/PrivateKeys/<n>.xml` for every public key that has none yet. Failures are only logged (irmago).
 */
export async function fetchDemoPrivateKeys(url: string, schemeId: string, dir: string, timeoutMs: number, logger: SchemeLogger): Promise<void> {
  const wanted: string[] = [];
  if (!(await exists(join(dir, 'sk.pem')))) wanted.push('sk.pem');
  for (const rel of await listFiles(dir)) {
    const m = /^([^/]+)\/PublicKeys\/(\d+)\.xml$/.exec(rel);
    if (m === null) continue;
    const privateRel = `${m[1]}/PrivateKeys/${m[2]}.xml`;
    if (!(await exists(join(dir, privateRel)))) wanted.push(privateRel);
  }
  await mapLimit(wanted, PARALLEL_DOWNLOADS, async (rel) => {
    try {
      const result = await fetchSchemeFileOptional(url, rel, timeoutMs);
      if (!result.found) {
        logger.warn(`scheme ${schemeId}: demo private key file ${rel} not available remotely`);
        return;
      }
      await mkdir(dirname(join(dir, rel)), { recursive: true });
      await writeFile(join(dir, rel), result.bytes);
    } catch (error) {
      logger.warn(`scheme ${schemeId}: downloading demo private key file ${rel} failed: ${(error as Error).message}`);
    }
  });
}
