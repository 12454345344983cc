import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NutshellError } from '#errors';
import { parseDecimalBigInt } from '../idemix/bigint.js';
import type { ExpEngine } from '../idemix/exp-engine.js';
import { parseClSignature, parseProofS, verifyClSignature, verifyProofS } from '../idemix/issuance.js';
import { parseProofList } from '../idemix/proof.js';
import { verifyProofList } from '../idemix/proof-list.js';
import { parsePublicKeyXml, type IssuerPublicKey } from '../idemix/public-key.js';

/** Outcome of one vector case. */
export interface CaseOutcome {
  readonly file: string;
  readonly name: string;
  readonly expected: boolean;
  /** Our verdict, or an error text when the case could not be run at all. */
  readonly actual: boolean | string;
  readonly ok: boolean;
}

type Json = Record<string, unknown>;

function asObj(v: unknown, what: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${what} is not an object`);
  return v as Json;
}

function dec(v: unknown, what: string): bigint {
  const x = typeof v === 'string' ? parseDecimalBigInt(v) : undefined;
  if (x === undefined) throw new Error(`${what} is not a decimal string`);
  return x;
}

/** Verdict of a proof-list case: a proof list the parser refuses counts as invalid, as gabi would not accept it either. */
function proofListVerdict(c: Json, keys: ReadonlyMap<string, IssuerPublicKey>, engine?: ExpEngine): boolean {
  const ids = c['publicKeyIds'];
  if (!Array.isArray(ids)) throw new Error('publicKeyIds missing');
  const pks = ids.map((id) => {
    const pk = keys.get(String(id));
    if (!pk) throw new Error(`unknown key ${String(id)}`);
    return pk;
  });
  let proofs;
  try {
    proofs = parseProofList(c['proofList']);
  } catch (err) {
    if (err instanceof NutshellError) return false;
    throw err;
  }
  return verifyProofList(proofs, pks, dec(c['context'], 'context'), dec(c['nonce'], 'nonce'), c['issig'] === true, undefined, engine ? { engine } : {});
}

function singleKey(keys: ReadonlyMap<string, IssuerPublicKey>): IssuerPublicKey {
  if (keys.size !== 1) throw new Error('issuance data cases need exactly one key');
  return [...keys.values()][0]!;
}

function proofSVerdict(c: Json, keys: ReadonlyMap<string, IssuerPublicKey>, engine?: ExpEngine): boolean {
  const d = asObj(c['data'], 'data');
  try {
    return verifyProofS(singleKey(keys), parseClSignature(d['signature']), parseProofS(d['proofS']), dec(d['context'], 'context'), dec(d['nonce2'], 'nonce2'), engine);
  } catch (err) {
    if (err instanceof NutshellError) return false;
    throw err;
  }
}

function clsigVerdict(c: Json, keys: ReadonlyMap<string, IssuerPublicKey>, engine?: ExpEngine): boolean {
  const d = asObj(c['data'], 'data');
  const ms = d['ms'];
  if (!Array.isArray(ms)) throw new Error('ms missing');
  try {
    return verifyClSignature(singleKey(keys), parseClSignature(d['signature']), ms.map((m, i) => dec(m, `ms[${i}]`)), engine);
  } catch (err) {
    if (err instanceof NutshellError) return false;
    throw err;
  }
}

/** Runs every case of one parsed gabi vector file (disclosure, signature or issuance). */
export function runVectorFile(file: string, json: unknown, engine?: ExpEngine): CaseOutcome[] {
  const root = asObj(json, file);
  const keys = new Map<string, IssuerPublicKey>();
  for (const [id, xml] of Object.entries(asObj(root['publicKeys'], 'publicKeys'))) keys.set(id, parsePublicKeyXml(String(xml)));
  const cases: { group: string; c: Json }[] = [];
  const rawCases = root['cases'];
  if (Array.isArray(rawCases)) for (const c of rawCases) cases.push({ group: 'proofList', c: asObj(c, 'case') });
  else for (const [group, list] of Object.entries(asObj(rawCases, 'cases'))) {
    if (!Array.isArray(list)) throw new Error(`cases.${group} is not an array`);
    for (const c of list) cases.push({ group, c: asObj(c, 'case') });
  }
  return cases.map(({ group, c }) => {
    const name = `${group}/${String(c['name'])}`;
    const expected = c['expected'] === true;
    let actual: boolean | string;
    try {
      if (group === 'proofS') actual = proofSVerdict(c, keys, engine);
      else if (group === 'clsig') actual = clsigVerdict(c, keys, engine);
      else if (Array.isArray(c['proofList'])) actual = proofListVerdict(c, keys, engine);
      else throw new Error(`unknown case group ${group}`);
    } catch (err) {
      actual = `error: ${err instanceof Error ? err.message : String(err)}`;
    }
    return { file, name, expected, actual, ok: actual === expected };
  });
}

/** The vector directory: $GABI_VECTORS_DIR, else ../shared/vectors/gabi relative to `cwd`. */
export function gabiVectorsDir(cwd: string = process.cwd()): string {
  return process.env['GABI_VECTORS_DIR'] ?? join(cwd, '..', 'shared', 'vectors', 'gabi');
}

/** Runs every `*.json` vector file in `dir` (sorted by name). */
export function runVectorDir(dir: string, engine?: ExpEngine): CaseOutcome[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.flatMap((f) => runVectorFile(f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown, engine));
}
