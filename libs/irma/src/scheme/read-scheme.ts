import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { NutshellError } from '#errors';
import { parseCredentialTypeDescription, parseIssuerDescription, parseSchemeDescription } from './descriptions.js';
import { validateDependencies } from './dependencies.js';
import { indexSchemeId, parseSchemeIndex, type SchemeIndex } from './index-file.js';
import { parseSchemePublicKey, verifyIndexSignature } from './signature.js';
import { mapLimit } from './parallel.js';
import { parseSchemeTimestamp } from './timestamp.js';
import { isUnsignedPath, listFiles } from './tree.js';
import type { CredentialType, Issuer, SchemeManager } from './types.js';
import { childText, parseInteger, parseXml } from './xml.js';

/** Everything read from one verified scheme folder; immutable once built. */
export interface LoadedScheme {
  readonly manager: SchemeManager;
  /** Absolute folder the scheme was read from. */
  readonly dir: string;
  /** The verified index; undefined when loaded with `requireSigned: false`. */
  readonly index: SchemeIndex | undefined;
  readonly issuers: ReadonlyMap<string, Issuer>;
  readonly credentialTypes: ReadonlyMap<string, CredentialType>;
  /** Full issuer id → counter → public key XML (hash-checked against the index). */
  readonly publicKeys: ReadonlyMap<string, ReadonlyMap<number, string>>;
  /** Full issuer id → counter → private key XML from `<issuer>/PrivateKeys/` (never signed). */
  readonly privateKeys: ReadonlyMap<string, ReadonlyMap<number, string>>;
  /** kid → keyshare server JWT public key PEM (`kss-<kid>.pem`). */
  readonly keysharePublicKeys: ReadonlyMap<number, string>;
  readonly warnings: readonly string[];
}

/** Options of `readSchemeDirectory`. */
export interface ReadSchemeOptions {
  /** Check `index.sig` and every hash (default true). */
  requireSigned?: boolean;
}

const ISSUER_DESCRIPTION = /^([^/.][^/]*)\/description\.xml$/;
const CREDENTIAL_DESCRIPTION = /^([^/.][^/]*)\/Issues\/([^/]+)\/description\.xml$/;
const PUBLIC_KEY = /^([^/.][^/]*)\/PublicKeys\/(\d+)\.xml$/;
const PRIVATE_KEY = /^([^/.][^/]*)\/PrivateKeys\/(\d+)\.xml$/;
const KEYSHARE_KEY = /^kss-(\d+)\.pem$/;
const PARALLEL_READS = 32;

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads the `<Counter>` of an idemix key XML (`IssuerPublicKey` / `IssuerPrivateKey`). */
export function keyCounter(xml: string, file: string, rootName: 'IssuerPublicKey' | 'IssuerPrivateKey'): number {
  const root = parseXml(xml, file, [])[rootName];
  if (root === undefined) throw new NutshellError('SCHEME_INVALID', `${file}: root element is not <${rootName}>`);
  const counter = parseInteger(childText(root, 'Counter'), file, '<Counter>');
  if (counter === undefined || counter < 0) throw new NutshellError('SCHEME_INVALID', `${file}: missing <Counter>`);
  return counter;
}

/** Checks `index.sig` against `pk.pem` and returns the parsed index. Any failure is SCHEME_SIGNATURE_INVALID. */
export function verifySignedIndex(
  folder: string, indexBytes: Uint8Array, signature: Uint8Array, publicKeyPem: string | Buffer,
): SchemeIndex {
  const key = parseSchemePublicKey(publicKeyPem, `${folder}/pk.pem`);
  if (!verifyIndexSignature(indexBytes, signature, key)) {
    throw new NutshellError('SCHEME_SIGNATURE_INVALID', `${folder}/index.sig: signature over ${folder}/index does not verify against ${folder}/pk.pem`);
  }
  const text = Buffer.from(indexBytes).toString('utf8');
  const claimed = indexSchemeId(text);
  if (claimed !== folder) {
    throw new NutshellError('SCHEME_INVALID', `${folder}/index: index is for scheme ${claimed ?? '(none)'}, not ${folder}`);
  }
  return parseSchemeIndex(text, folder);
}

/**
 * Reads and verifies one scheme folder the way irmago's ParseSchemeFolder does: index signature, every listed file
 * present with the listed hash, descriptions parsed and validated, public key counters matching their file names.
 * Unlisted files are ignored with a warning, except issuer and credential descriptions, which must be listed.
 */
export async function readSchemeDirectory(dir: string, options: ReadSchemeOptions = {}): Promise<LoadedScheme> {
  const requireSigned = options.requireSigned ?? true;
  const folder = basename(dir);
  const files = await listFiles(dir);
  const present = new Set(files);
  const warnings: string[] = [];
  const verified = new Map<string, Buffer>();
  let index: SchemeIndex | undefined;

  if (requireSigned) {
    for (const name of ['index', 'index.sig', 'pk.pem']) {
      if (!present.has(name)) throw new NutshellError('SCHEME_SIGNATURE_INVALID', `${folder}/${name}: missing, the scheme cannot be verified`);
    }
    const [indexBytes, signature, pk] = await Promise.all(['index', 'index.sig', 'pk.pem'].map((n) => readFile(join(dir, n))));
    index = verifySignedIndex(folder, indexBytes!, signature!, pk!);
    const signedIndex = index;
    await mapLimit(
      [...signedIndex],
      PARALLEL_READS,
      async ([path, hash]) => {
        const rel = path.slice(folder.length + 1);
        if (!present.has(rel)) throw new NutshellError('SCHEME_INVALID', `${path}: listed in the index but missing`);
        const bytes = await readFile(join(dir, rel));
        if (sha256Hex(bytes) !== hash) throw new NutshellError('SCHEME_SIGNATURE_INVALID', `${path}: hash does not match the index`);
        if (!rel.endsWith('.png')) verified.set(rel, bytes);
      },
    );
    for (const rel of files) {
      const path = `${folder}/${rel}`;
      if (!signedIndex.has(path) && !isUnsignedPath(path)) warnings.push(`ignored file not in index: ${path}`);
    }
  }

  /** Bytes of a file that must be authentic: verified bytes, or (unsigned mode) straight from disk. */
  const signedFile = async (rel: string): Promise<Buffer | undefined> => {
    if (!present.has(rel)) return undefined;
    if (!requireSigned) return readFile(join(dir, rel));
    const bytes = verified.get(rel);
    if (bytes === undefined) throw new NutshellError('SCHEME_INVALID', `${folder}/${rel}: not listed in the scheme index`);
    return bytes;
  };

  const timestampBytes = await signedFile('timestamp');
  if (timestampBytes === undefined) throw new NutshellError('SCHEME_INVALID', `${folder}/timestamp: missing`);
  const timestamp = parseSchemeTimestamp(timestampBytes.toString('utf8'), `${folder}/timestamp`);
  const descriptionBytes = await signedFile('description.xml');
  if (descriptionBytes === undefined) throw new NutshellError('SCHEME_INVALID', `${folder}/description.xml: missing`);
  const manager = parseSchemeDescription(descriptionBytes.toString('utf8'), `${folder}/description.xml`, folder, timestamp);

  const keysharePublicKeys = new Map<number, string>();
  for (const rel of files) {
    const m = KEYSHARE_KEY.exec(rel);
    if (m === null || (requireSigned && !verified.has(rel))) continue;
    keysharePublicKeys.set(Number(m[1]), (await signedFile(rel))!.toString('utf8'));
  }
  if (manager.keyshareServer !== undefined && !keysharePublicKeys.has(0)) {
    throw new NutshellError('SCHEME_INVALID', `${folder}/kss-0.pem: scheme has a keyshare server but no keyshare public key`);
  }

  const issuers = new Map<string, Issuer>();
  for (const rel of files) {
    const m = ISSUER_DESCRIPTION.exec(rel);
    if (m === null) continue;
    const bytes = (await signedFile(rel))!;
    const issuer = parseIssuerDescription(bytes.toString('utf8'), `${folder}/${rel}`, manager, m[1]!);
    issuers.set(issuer.id, issuer);
    if (!present.has(`${m[1]}/logo.png`)) warnings.push(`issuer ${issuer.id} has no logo.png`);
  }

  const credentialTypes = new Map<string, CredentialType>();
  for (const rel of files) {
    const m = CREDENTIAL_DESCRIPTION.exec(rel);
    if (m === null) continue;
    const issuer = issuers.get(`${folder}.${m[1]}`);
    if (issuer === undefined) {
      warnings.push(`ignored credential type ${folder}/${rel}: issuer ${m[1]} has no description`);
      continue;
    }
    const bytes = (await signedFile(rel))!;
    const type = parseCredentialTypeDescription(bytes.toString('utf8'), `${folder}/${rel}`, manager, issuer, m[2]!);
    credentialTypes.set(type.id, type);
    if (!present.has(`${m[1]}/Issues/${m[2]}/logo.png`)) warnings.push(`credential type ${type.id} has no logo.png`);
  }
  validateDependencies(credentialTypes);

  const publicKeys = new Map<string, Map<number, string>>();
  const privateKeys = new Map<string, Map<number, string>>();
  for (const rel of files) {
    const pub = PUBLIC_KEY.exec(rel);
    const priv = pub === null ? PRIVATE_KEY.exec(rel) : null;
    const m = pub ?? priv;
    if (m === null) continue;
    const issuerId = `${folder}.${m[1]}`;
    if (!issuers.has(issuerId)) {
      warnings.push(`ignored key ${folder}/${rel}: issuer ${m[1]} has no description`);
      continue;
    }
    const counter = Number(m[2]);
    const file = `${folder}/${rel}`;
    let xml: string;
    if (pub !== null) {
      if (requireSigned && !verified.has(rel)) continue; // already warned about as unlisted
      xml = (await signedFile(rel))!.toString('utf8');
    } else {
      xml = await readFile(join(dir, rel), 'utf8');
    }
    if (keyCounter(xml, file, pub !== null ? 'IssuerPublicKey' : 'IssuerPrivateKey') !== counter) {
      throw new NutshellError('SCHEME_INVALID', `${file}: <Counter> does not match the file name`);
    }
    const target = pub !== null ? publicKeys : privateKeys;
    let byCounter = target.get(issuerId);
    if (byCounter === undefined) target.set(issuerId, (byCounter = new Map()));
    byCounter.set(counter, xml);
  }
  for (const [id, issuer] of issuers) {
    if (!publicKeys.has(id)) warnings.push(`issuer ${issuer.id} has no public keys`);
    if (![...credentialTypes.values()].some((t) => `${t.schemeId}.${t.issuerId}` === id)) {
      warnings.push(`issuer ${issuer.id} has no credential types`);
    }
  }
  for (const [id, keys] of privateKeys) {
    for (const counter of keys.keys()) {
      if (!publicKeys.get(id)?.has(counter)) {
        throw new NutshellError('SCHEME_INVALID', `${folder}/${id.slice(folder.length + 1)}/PrivateKeys/${counter}.xml: no public key with that counter`);
      }
    }
  }
  return { manager, dir, index, issuers, credentialTypes, publicKeys, privateKeys, keysharePublicKeys, warnings };
}

