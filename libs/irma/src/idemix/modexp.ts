/**
 * Pure-BigInt reference arithmetic. The fast path (fast-modexp.ts) is tested against these.
 */

/** Modular inverse of `a` modulo `m` (m > 1); throws RangeError when no inverse exists. */
export function modInverse(a: bigint, m: bigint): bigint {
  if (m <= 1n) throw new RangeError('modInverse: modulus must be > 1');
  let r0 = ((a % m) + m) % m;
  let r1 = m;
  let s0 = 1n;
  let s1 = 0n;
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new RangeError('modInverse: not invertible');
  return ((s0 % m) + m) % m;
}

/** Greatest common divisor of two integers. */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * base^exp mod mod with a fixed 4-bit window; a negative exponent inverts the base first
 * (as Go's big.Int.Exp and gabi's ModPow do). The result is in [0, mod).
 */
export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  if (mod <= 0n) throw new RangeError('modPow: modulus must be positive');
  if (mod === 1n) return 0n;
  let b = ((base % mod) + mod) % mod;
  if (exp < 0n) {
    b = modInverse(b, mod);
    exp = -exp;
  }
  if (exp === 0n) return 1n;
  const table: bigint[] = [1n, b];
  for (let i = 2; i < 16; i++) table.push((table[i - 1]! * b) % mod);
  const hex = exp.toString(16);
  let acc = 1n;
  for (let i = 0; i < hex.length; i++) {
    if (i > 0) {
      acc = (acc * acc) % mod;
      acc = (acc * acc) % mod;
      acc = (acc * acc) % mod;
      acc = (acc * acc) % mod;
    }
    const d = Number.parseInt(hex[i]!, 16);
    if (d !== 0) acc = (acc * table[d]!) % mod;
  }
  return acc;
}
