import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { NutshellError } from '#errors';
import { parseSchemeDescription } from './descriptions.js';
import { serializeSchemeIndex } from './index-file.js';
import { signIndex } from './signature.js';
import { isSignablePath, listFiles } from './tree.js';
import type { SchemeIndexEntry } from './types.js';

/**
 * `irma scheme sign` for an issuer scheme folder: writes `timestamp` (now, or the given Unix seconds), an `index` of
 * every signed file, `index.sig` (ECDSA P-256, DER) and the matching `pk.pem`. Refuses files with CRLF line endings
 * (except PNGs). Only demo schemes publish their key; this serves tests and local development schemes.
 */
export async function signSchemeDirectory(
  dir: string, privateKeyPem: string | Buffer, options: { timestamp?: number } = {},
): Promise<{ timestamp: number; entries: number }> {
  const folder = basename(dir);
  const id = parseSchemeDescription(await readFile(join(dir, 'description.xml'), 'utf8'), `${folder}/description.xml`, folder, 0).id;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  await writeFile(join(dir, 'timestamp'), `${timestamp}\n`);
  const entries: SchemeIndexEntry[] = [];
  for (const rel of await listFiles(dir)) {
    if (!isSignablePath(rel)) continue;
    const bytes = await readFile(join(dir, rel));
    if (!rel.endsWith('.png') && bytes.includes('\r\n')) {
      throw new NutshellError('SCHEME_INVALID', `${id}/${rel} contains CRLF line endings`);
    }
    entries.push({ path: `${id}/${rel}`, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  const index = Buffer.from(serializeSchemeIndex(entries), 'utf8');
  await writeFile(join(dir, 'index'), index);
  await writeFile(join(dir, 'index.sig'), signIndex(index, privateKeyPem));
  const publicPem = createPublicKey(createPrivateKey({ key: privateKeyPem, format: 'pem' })).export({ type: 'spki', format: 'pem' });
  await writeFile(join(dir, 'pk.pem'), publicPem);
  return { timestamp, entries: entries.length };
}
