import { constants, createDiffieHellman, createPublicKey, publicEncrypt, type DiffieHellman } from 'node:crypto';
import { bigIntFromBytes, bitLength } from './bigint.js';
import type { ExpEngine, ExpTerm } from './exp-engine.js';
import { modInverse, modPow } from './modexp.js';

/*
 * Fast modular exponentiation. Node's BigInt has no modular exponentiation, and a JS square-and-multiply
 * pays a full BigInt division per step. Two ways out are measured in bench/idemix:
 *  - OpenSSL's Montgomery exponentiation reached through node:crypto (the DH trick: b^x mod n as the shared
 *    secret of "private key" x and "peer key" b; or the RSA trick: raw public encryption with exponent x);
 *  - fixed-base tables for the issuer key's bases, which turn an exponentiation into one multiplication per
 *    exponent byte (no squarings at all).
 * The default engine combines them: tables for fixed bases, the DH trick for per-proof bases.
 */

/** Exponents below this many bits are cheaper in plain BigInt than a call into OpenSSL. */
const SMALL_EXPONENT_BITS = 48;

function toFixedBytes(x: bigint, len: number): Buffer {
  const hex = x.toString(16);
  if (hex.length > len * 2) throw new RangeError('value longer than requested length');
  return Buffer.from(hex.padStart(len * 2, '0'), 'hex');
}

function minimalBytes(x: bigint): Buffer {
  let hex = x.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  return Buffer.from(hex, 'hex');
}

/** Small modulus-keyed LRU map, so per-modulus native state and tables stay bounded. */
class Lru<V> {
  private readonly map = new Map<bigint, V>();
  constructor(private readonly capacity: number) {}
  get(k: bigint): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) {
      this.map.delete(k);
      this.map.set(k, v);
    }
    return v;
  }
  set(k: bigint, v: V): void {
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }
}

/**
 * Moduli handed to OpenSSL: odd, and of Idemix key sizes. Below 512 bits OpenSSL's DH silently returns an
 * all-zero secret instead of failing, so small moduli must never reach it.
 */
const MIN_NATIVE_MODULUS = 1n << 1023n;
const MAX_NATIVE_MODULUS = 1n << 8192n;

function nativeModulus(n: bigint): boolean {
  return (n & 1n) === 1n && n >= MIN_NATIVE_MODULUS && n < MAX_NATIVE_MODULUS;
}

/** Handles what the native tricks refuse (0, 1, n−1, tiny exponents, unsuitable moduli); undefined otherwise. */
function trivialPow(b: bigint, e: bigint, n: bigint): bigint | undefined {
  if (!nativeModulus(n)) return modPow(b, e, n);
  if (e === 0n) return 1n % n;
  if (b <= 1n) return b;
  if (b === n - 1n) return (e & 1n) === 0n ? 1n : b;
  if (bitLength(e) <= SMALL_EXPONENT_BITS) return modPow(b, e, n);
  return undefined;
}

/**
 * Splits an exponent that is too long for a native call into chunks of `chunkBits`, using
 * b^e = Π_k (b^(2^(k·chunkBits)))^(e_k).
 */
function splitPow(b: bigint, e: bigint, n: bigint, chunkBits: number, pow: (b: bigint, e: bigint) => bigint): bigint {
  const mask = (1n << BigInt(chunkBits)) - 1n;
  // 2^(chunkBits−1) still fits a native call; one squaring in BigInt completes 2^chunkBits.
  const half = 1n << BigInt(chunkBits - 1);
  let acc = 1n;
  let base = b;
  for (let rest = e; rest > 0n; rest >>= BigInt(chunkBits)) {
    const chunk = rest & mask;
    if (chunk !== 0n) acc = (acc * pow(base, chunk)) % n;
    if (rest >> BigInt(chunkBits) !== 0n) {
      const h = pow(base, half);
      base = (h * h) % n;
    }
  }
  return acc;
}

// ---------------------------------------------------------------------------------------------------------
// DH trick

interface DhState {
  readonly dh: DiffieHellman;
  readonly len: number;
}

const dhStates = new Lru<DhState>(64);

function dhState(n: bigint): DhState {
  let s = dhStates.get(n);
  if (!s) {
    const len = Math.ceil(bitLength(n) / 8);
    s = { dh: createDiffieHellman(minimalBytes(n), Buffer.of(2)), len };
    dhStates.set(n, s);
  }
  return s;
}

/** b^e mod n through OpenSSL's DH shared-secret computation (odd n, any b, e ≥ 0). */
export function dhModPow(b: bigint, e: bigint, n: bigint): bigint {
  const base = ((b % n) + n) % n;
  const t = trivialPow(base, e, n);
  if (t !== undefined) return t;
  const s = dhState(n);
  // Unlike the RSA trick, the DH private key may be longer than the modulus: no splitting needed.
  try {
    s.dh.setPrivateKey(minimalBytes(e));
    return bigIntFromBytes(s.dh.computeSecret(toFixedBytes(base, s.len)));
  } catch {
    // OpenSSL may refuse inputs it considers unsafe for DH (e.g. odd moduli it cannot use); stay correct.
    return modPow(base, e, n);
  }
}

// ---------------------------------------------------------------------------------------------------------
// RSA trick

function b64url(x: bigint): string {
  return minimalBytes(x).toString('base64url');
}

/** b^e mod n as a raw RSA public operation with exponent e (OpenSSL refuses e ≥ n, so long ones are split). */
export function rsaModPow(b: bigint, e: bigint, n: bigint): bigint {
  const base = ((b % n) + n) % n;
  const t = trivialPow(base, e, n);
  if (t !== undefined) return t;
  const maxBits = bitLength(n) - 1;
  if (bitLength(e) > maxBits) return splitPow(base, e, n, maxBits, (x, y) => rsaModPow(x, y, n));
  const len = Math.ceil(bitLength(n) / 8);
  try {
    const key = createPublicKey({ key: { kty: 'RSA', n: b64url(n), e: b64url(e) }, format: 'jwk' });
    return bigIntFromBytes(publicEncrypt({ key, padding: constants.RSA_NO_PADDING }, toFixedBytes(base, len)));
  } catch {
    return modPow(base, e, n);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Fixed-base byte tables

/** Window of the fixed-base tables: one table row of 255 powers per exponent byte. */
const WINDOW_BITS = 8;
/** Largest exponent (bits) served from a table; longer ones go to OpenSSL instead of growing tables without bound. */
const MAX_TABLE_EXP_BITS = 8192;

/**
 * Rows of table that one multiExp call may add. Tables are grown a little per call, so a key's first
 * verifications cost about what the DH trick costs instead of stalling for the whole precomputation
 * (≈ 1000 rows for a 2048-bit key), and keys evicted from the cache degrade gracefully.
 */
const ROWS_PER_CALL = 16;

/** Precomputed g^(d·2^(8j)) for d = 1..255, j = 0..rows−1, in one flat array (index j·255 + d − 1). */
class FixedBaseTable {
  private readonly entries: bigint[] = [];
  private rows = 0;
  /** g^(2^(8·rows)): the base of the first row not built yet. */
  private nextRowBase: bigint;
  constructor(g: bigint, private readonly n: bigint) {
    this.nextRowBase = g % n;
  }

  private grow(rows: number): void {
    const { n, entries } = this;
    for (let j = this.rows; j < rows; j++) {
      const first = this.nextRowBase;
      entries.push(first);
      let cur = first;
      for (let d = 2; d <= 255; d++) {
        cur = (cur * first) % n;
        entries.push(cur);
      }
      // cur = first^255; one more multiplication gives first^256, the next row's base.
      this.nextRowBase = (cur * first) % n;
    }
    this.rows = rows;
  }

  /**
   * acc·g^e mod n: one multiplication per non-zero exponent byte covered by the table, and one native
   * exponentiation for the bytes above it while the table is still growing. Returns the rows it added.
   */
  pow(e: bigint, acc: bigint, rowBudget: number): { value: bigint; added: number } {
    const bytes = minimalBytes(e);
    const needed = bytes.length;
    const before = this.rows;
    if (needed > this.rows && rowBudget > 0) this.grow(Math.min(needed, this.rows + rowBudget));
    const { n, entries } = this;
    const covered = Math.min(needed, this.rows);
    for (let j = 0; j < covered; j++) {
      const d = bytes[needed - 1 - j]!;
      if (d !== 0) acc = (acc * entries[j * 255 + d - 1]!) % n;
    }
    if (covered < needed) {
      const high = e >> BigInt(8 * covered);
      acc = (acc * dhModPow(this.rowBase(covered), high, n)) % n;
    }
    return { value: acc, added: this.rows - before };
  }

  /** g^(2^(8j)) for j ≤ rows. */
  private rowBase(j: number): bigint {
    return j === this.rows ? this.nextRowBase : this.entries[j * 255]!;
  }
}

const tablesByModulus = new Lru<Map<bigint, FixedBaseTable>>(8);

function tableFor(g: bigint, n: bigint): FixedBaseTable {
  let m = tablesByModulus.get(n);
  if (!m) {
    m = new Map();
    tablesByModulus.set(n, m);
  }
  let t = m.get(g);
  if (!t) {
    t = new FixedBaseTable(g, n);
    m.set(g, t);
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------------
// Engines

function perTerm(name: string, pow: (b: bigint, e: bigint, n: bigint) => bigint): ExpEngine {
  return {
    name,
    multiExp(terms, n) {
      let acc = 1n % n;
      for (const [b, e] of terms) acc = (acc * pow(b, e, n)) % n;
      return acc;
    },
  };
}

/** One OpenSSL exponentiation per term via the DH trick. */
export const dhEngine: ExpEngine = perTerm('openssl-dh', dhModPow);

/** One OpenSSL exponentiation per term via raw RSA public encryption. */
export const rsaEngine: ExpEngine = perTerm('openssl-rsa', rsaModPow);

/** Simultaneous (Straus/Shamir) multi-exponentiation in pure BigInt with 4-bit windows: squarings shared by all terms. */
export const strausEngine: ExpEngine = {
  name: 'bigint-straus',
  multiExp(terms, n) {
    const live = terms.filter(([, e]) => e !== 0n);
    if (live.length === 0) return 1n % n;
    const tables = live.map(([b]) => {
      const t: bigint[] = [1n, b % n];
      for (let i = 2; i < 16; i++) t.push((t[i - 1]! * t[1]!) % n);
      return t;
    });
    const hexes = live.map(([, e]) => e.toString(16));
    const width = Math.max(...hexes.map((h) => h.length));
    const padded = hexes.map((h) => h.padStart(width, '0'));
    let acc = 1n;
    for (let i = 0; i < width; i++) {
      if (i > 0) for (let s = 0; s < 4; s++) acc = (acc * acc) % n;
      for (let k = 0; k < padded.length; k++) {
        const d = Number.parseInt(padded[k]![i]!, 16);
        if (d !== 0) acc = (acc * tables[k]![d]!) % n;
      }
    }
    return acc;
  },
};

/** Fixed-base byte tables for key bases (terms marked fixed), the DH trick for everything else. */
export const tableEngine: ExpEngine = {
  name: 'fixed-base-tables+openssl-dh',
  multiExp(terms, n) {
    let acc = 1n % n;
    let budget = ROWS_PER_CALL;
    for (const [b, e, fixed] of terms) {
      if (e === 0n) continue;
      if (fixed === true && bitLength(e) <= MAX_TABLE_EXP_BITS && b > 1n && b < n) {
        const r = tableFor(b, n).pow(e, acc, budget);
        acc = r.value;
        budget -= r.added;
      } else acc = (acc * dhModPow(b, e, n)) % n;
    }
    return acc;
  },
};

/** All engines, for the benchmark and the equivalence tests. */
export const allEngines: readonly ExpEngine[] = [tableEngine, dhEngine, rsaEngine, strausEngine];

/** The engine verification uses unless told otherwise (the fastest one measured on the 2-core target). */
export const defaultEngine: ExpEngine = tableEngine;

/** Exponentiation of a single term with the default engine (negative exponents invert first). */
export function fastModPow(b: bigint, e: bigint, n: bigint): bigint {
  if (e < 0n) return defaultEngine.multiExp([[modInverse(((b % n) + n) % n, n), -e]], n);
  return defaultEngine.multiExp([[b, e]] satisfies ExpTerm[], n);
}
