import { randomBytes } from 'node:crypto';
import { NutshellError } from '#errors';

/** Largest big integer (in bytes) accepted from the wire; 8192 bytes is far beyond any Idemix value. */
export const MAX_BIGINT_BYTES = 8192;

const B64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Reads an octet string as an unsigned big-endian integer (empty → 0). */
export function bigIntFromBytes(b: Uint8Array): bigint {
  if (b.length === 0) return 0n;
  return BigInt('0x' + Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex'));
}

/** Minimal big-endian magnitude of a non-negative integer (Go's `big.Int.Bytes()`; 0 → empty). */
export function bigIntToBytes(x: bigint): Uint8Array {
  if (x < 0n) throw new RangeError('bigIntToBytes: negative value');
  if (x === 0n) return new Uint8Array(0);
  let hex = x.toString(16);
  if (hex.length % 2 === 1) hex = '0' + hex;
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/** Bit length of a non-negative integer (0 → 0). */
export function bitLength(x: bigint): number {
  if (x < 0n) x = -x;
  if (x === 0n) return 0;
  const hex = x.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(Number.parseInt(hex[0]!, 16)));
}

/**
 * Decodes a gabi JSON big integer: standard padded base64 of the big-endian magnitude.
 * Like Go's decoder, CR and LF are ignored and non-zero padding bits are tolerated.
 */
export function decodeBigB64(s: string): bigint {
  if (typeof s !== 'string') throw new NutshellError('IRMA_MALFORMED_INPUT', 'big integer must be a base64 string');
  const clean = s.includes('\r') || s.includes('\n') ? s.replace(/[\r\n]/g, '') : s;
  if (clean.length % 4 !== 0 || !B64_RE.test(clean)) {
    throw new NutshellError('IRMA_MALFORMED_INPUT', 'big integer is not valid base64');
  }
  if ((clean.length / 4) * 3 > MAX_BIGINT_BYTES + 2) {
    throw new NutshellError('IRMA_MALFORMED_INPUT', 'big integer too large');
  }
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length > MAX_BIGINT_BYTES) throw new NutshellError('IRMA_MALFORMED_INPUT', 'big integer too large');
  return bigIntFromBytes(bytes);
}

/** Encodes a non-negative integer the way gabi marshals it (0 → ""). */
export function encodeBigB64(x: bigint): string {
  return Buffer.from(bigIntToBytes(x)).toString('base64');
}

/** Parses a base-10 big integer strictly (no sign, no whitespace), as gabi's XML and the vectors write them. */
export function parseDecimalBigInt(s: string): bigint | undefined {
  if (!/^[0-9]+$/.test(s) || s.length > MAX_BIGINT_BYTES * 3) return undefined;
  return BigInt(s);
}

/** Uniform random integer in [0, 2^bits). */
export function randomBigInt(bits: number): bigint {
  if (!Number.isInteger(bits) || bits < 0) throw new RangeError('randomBigInt: bits must be a non-negative integer');
  if (bits === 0) return 0n;
  const nbytes = Math.ceil(bits / 8);
  const buf = randomBytes(nbytes);
  const excess = nbytes * 8 - bits;
  buf[0] = buf[0]! & (0xff >> excess);
  return bigIntFromBytes(buf);
}

/** Uniform random integer in [0, max) by rejection sampling. */
export function randomBelow(max: bigint): bigint {
  if (max <= 0n) throw new RangeError('randomBelow: max must be positive');
  const bits = bitLength(max - 1n);
  for (;;) {
    const r = randomBigInt(bits);
    if (r < max) return r;
  }
}
