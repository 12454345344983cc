import { NutshellError } from '#errors';
import { decodeBigB64, encodeBigB64, MAX_BIGINT_BYTES } from './bigint.js';

/** Largest attribute index accepted in a proof's maps; real keys have at most a few dozen bases. */
export const MAX_ATTRIBUTE_INDEX = 1023;
/** Most proofs accepted in one proof list. */
export const MAX_PROOFS_PER_LIST = 64;

/** A disclosure proof (gabi `ProofD`); map keys are gabi attribute indices (0 = secret key, 1 = metadata). */
export interface ProofD {
  readonly kind: 'D';
  readonly c: bigint;
  readonly A: bigint;
  readonly eResponse: bigint;
  readonly vResponse: bigint;
  readonly aResponses: ReadonlyMap<number, bigint>;
  readonly aDisclosed: ReadonlyMap<number, bigint>;
  /** Raw `nonrev_proof` JSON when present; list verification takes it only with a nonrevocation verifier. */
  readonly nonrevProof?: unknown;
  /** Raw `rangeproofs` JSON when present; Yivi never sends them and verification refuses them. */
  readonly rangeProofs?: unknown;
}

/** An issuance commitment proof (gabi `ProofU`). */
export interface ProofU {
  readonly kind: 'U';
  readonly c: bigint;
  readonly U: bigint;
  readonly vPrimeResponse: bigint;
  readonly sResponse: bigint;
  /** Responses for random-blind attributes, by gabi index. */
  readonly mUserResponses?: ReadonlyMap<number, bigint>;
}

/** An element of a gabi ProofList. */
export type Proof = ProofD | ProofU;

const malformed = (detail: string): never => {
  throw new NutshellError('IRMA_MALFORMED_INPUT', detail);
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Looks up a field the way Go's encoding/json does (case-insensitive); two spellings of one field are refused
 * rather than guessing which one Go would keep.
 */
function field(obj: Record<string, unknown>, name: string): unknown {
  let found: unknown = undefined;
  let hits = 0;
  const lower = name.toLowerCase();
  for (const k of Object.keys(obj)) {
    if (k.toLowerCase() === lower) {
      hits++;
      found = obj[k];
    }
  }
  if (hits > 1) malformed(`duplicate field ${name}`);
  return found;
}

/**
 * Parses one gabi big integer value: a base64 string, or (very old messages) an unquoted non-negative
 * JSON number; only safe integers are accepted in the latter form because JSON.parse already rounded others.
 */
export function parseBigValue(v: unknown, name: string): bigint {
  if (typeof v === 'string') {
    try {
      return decodeBigB64(v);
    } catch {
      return malformed(`${name} is not a valid big integer`);
    }
  }
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  return malformed(`${name} is not a valid big integer`);
}

function requiredBig(obj: Record<string, unknown>, name: string): bigint {
  const v = field(obj, name);
  if (v === undefined || v === null) malformed(`missing ${name}`);
  return parseBigValue(v, name);
}

const INDEX_RE = /^(0|[1-9][0-9]{0,3})$/;

/** Parses a `{ "<index>": bigint }` map with decimal attribute-index keys. */
export function parseIndexMap(v: unknown, name: string): Map<number, bigint> {
  if (!isPlainObject(v)) return malformed(`${name} must be an object`);
  const out = new Map<number, bigint>();
  for (const [k, val] of Object.entries(v)) {
    if (!INDEX_RE.test(k)) malformed(`${name} has a non-integer key`);
    const idx = Number(k);
    if (idx > MAX_ATTRIBUTE_INDEX) malformed(`${name} key out of range`);
    if (val === null) malformed(`${name} has a null value`);
    out.set(idx, parseBigValue(val, name));
  }
  return out;
}

function optionalRaw(obj: Record<string, unknown>, name: string): unknown {
  const v = field(obj, name);
  return v === null ? undefined : v;
}

/** Parses one element of a gabi ProofList: a ProofD if it has a non-null "A", else a ProofU if it has a non-null "U". */
export function parseProof(json: unknown): Proof {
  if (!isPlainObject(json)) return malformed('proof must be an object');
  const A = field(json, 'A');
  if (A !== undefined && A !== null) {
    const aResponses = field(json, 'a_responses');
    const aDisclosed = field(json, 'a_disclosed');
    const nonrev = optionalRaw(json, 'nonrev_proof');
    const ranges = optionalRaw(json, 'rangeproofs');
    if (nonrev !== undefined && !isPlainObject(nonrev)) malformed('nonrev_proof must be an object');
    if (ranges !== undefined && !isPlainObject(ranges)) malformed('rangeproofs must be an object');
    return {
      kind: 'D',
      c: requiredBig(json, 'c'),
      A: parseBigValue(A, 'A'),
      eResponse: requiredBig(json, 'e_response'),
      vResponse: requiredBig(json, 'v_response'),
      // Go leaves absent maps nil (empty); a present map must be well-formed.
      aResponses: aResponses === undefined || aResponses === null ? new Map() : parseIndexMap(aResponses, 'a_responses'),
      aDisclosed: aDisclosed === undefined || aDisclosed === null ? new Map() : parseIndexMap(aDisclosed, 'a_disclosed'),
      ...(nonrev !== undefined ? { nonrevProof: nonrev } : {}),
      ...(ranges !== undefined ? { rangeProofs: ranges } : {}),
    };
  }
  const U = field(json, 'U');
  if (U !== undefined && U !== null) {
    const mUser = optionalRaw(json, 'm_user_responses');
    return {
      kind: 'U',
      c: requiredBig(json, 'c'),
      U: parseBigValue(U, 'U'),
      vPrimeResponse: requiredBig(json, 'v_prime_response'),
      sResponse: requiredBig(json, 's_response'),
      ...(mUser !== undefined ? { mUserResponses: parseIndexMap(mUser, 'm_user_responses') } : {}),
    };
  }
  return malformed('proof is neither a disclosure proof nor a commitment proof');
}

/** Parses a gabi ProofList (a JSON array of proofs); empty or oversized lists are IRMA_MALFORMED_INPUT. */
export function parseProofList(json: unknown): Proof[] {
  if (!Array.isArray(json)) return malformed('proof list must be an array');
  if (json.length === 0) malformed('proof list is empty');
  if (json.length > MAX_PROOFS_PER_LIST) malformed('proof list too long');
  return json.map((p) => parseProof(p));
}

function mapToJson(m: ReadonlyMap<number, bigint>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of [...m.keys()].sort((a, b) => a - b)) out[String(k)] = encodeBigB64(m.get(k)!);
  return out;
}

/** Serialises a proof as gabi's encoding/json does (field order as gabi's struct). */
export function serializeProof(p: Proof): Record<string, unknown> {
  if (p.kind === 'D') {
    return {
      c: encodeBigB64(p.c),
      A: encodeBigB64(p.A),
      e_response: encodeBigB64(p.eResponse),
      v_response: encodeBigB64(p.vResponse),
      a_responses: mapToJson(p.aResponses),
      a_disclosed: mapToJson(p.aDisclosed),
      ...(p.nonrevProof !== undefined ? { nonrev_proof: p.nonrevProof } : {}),
      ...(p.rangeProofs !== undefined ? { rangeproofs: p.rangeProofs } : {}),
    };
  }
  return {
    U: encodeBigB64(p.U),
    c: encodeBigB64(p.c),
    v_prime_response: encodeBigB64(p.vPrimeResponse),
    s_response: encodeBigB64(p.sResponse),
    ...(p.mUserResponses !== undefined ? { m_user_responses: mapToJson(p.mUserResponses) } : {}),
  };
}

/** Serialises a proof list. */
export function serializeProofList(ps: readonly Proof[]): Record<string, unknown>[] {
  return ps.map(serializeProof);
}

/** The secret-key response of a proof (ProofD a_responses[0], ProofU s_response), if any. */
export function secretKeyResponse(p: Proof): bigint | undefined {
  return p.kind === 'D' ? p.aResponses.get(0) : p.sResponse;
}

export { MAX_BIGINT_BYTES };
