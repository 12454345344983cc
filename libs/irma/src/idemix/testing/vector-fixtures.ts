import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gabiVectorsDir } from '../../vectors/gabi-vectors.js';
import { parsePublicKeyXml, type IssuerPublicKey } from '../public-key.js';

/** One proof-list case of a gabi vector file, as stored. */
export interface RawProofListCase {
  readonly name: string;
  readonly publicKeyIds: string[];
  readonly context: string;
  readonly nonce: string;
  readonly issig: boolean;
  readonly proofList: Record<string, unknown>[];
  readonly expected: boolean;
  readonly message?: string;
  readonly baseNonce?: string;
}

/** A loaded vector file with its parsed keys. */
export interface VectorFile {
  readonly json: Record<string, unknown> & { extra?: Record<string, unknown> };
  readonly keys: Map<string, IssuerPublicKey>;
  readonly keyXml: Map<string, string>;
}

/** Loads `generated-<bits>.<kind>.json` from the gabi vector directory (tests only). */
export function loadVectorFile(bits: 1024 | 2048, kind: 'disclosure' | 'signature' | 'issuance'): VectorFile {
  const json = JSON.parse(readFileSync(join(gabiVectorsDir(), `generated-${bits}.${kind}.json`), 'utf8')) as VectorFile['json'];
  const keys = new Map<string, IssuerPublicKey>();
  const keyXml = new Map<string, string>();
  for (const [id, xml] of Object.entries(json['publicKeys'] as Record<string, string>)) {
    keys.set(id, parsePublicKeyXml(xml));
    keyXml.set(id, xml);
  }
  return { json, keys, keyXml };
}

/** The proof-list cases of a vector file (flattening grouped issuance cases). */
export function proofListCases(f: VectorFile): RawProofListCase[] {
  const cases = f.json['cases'];
  const all = Array.isArray(cases) ? cases : Object.values(cases as Record<string, unknown[]>).flat();
  return (all as Record<string, unknown>[]).filter((c) => Array.isArray(c['proofList'])) as unknown as RawProofListCase[];
}

/** The named proof-list case (throws when absent). */
export function proofListCase(f: VectorFile, name: string): RawProofListCase {
  const c = proofListCases(f).find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name}`);
  return c;
}
