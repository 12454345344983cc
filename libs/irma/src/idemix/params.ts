import { NutshellError } from '#errors';

/** Idemix system parameters for one key length (gabi `gabikeys/sysparams.go`, spec §1). All values in bits. */
export interface SystemParameters {
  readonly Ln: number;
  readonly LePrime: number;
  readonly Lh: number;
  readonly Lm: number;
  readonly Lstatzk: number;
  readonly Le: number;
  readonly LeCommit: number;
  readonly LmCommit: number;
  readonly LRA: number;
  readonly LRACommit: number;
  readonly LsCommit: number;
  readonly Lv: number;
  readonly LvCommit: number;
  readonly LvPrime: number;
  readonly LvPrimeCommit: number;
}

/** The key lengths gabi accepts. */
export type KeyLength = 1024 | 2048 | 4096;

const BASE: Record<KeyLength, { LePrime: number; Lh: number; Lm: number; Lstatzk: number }> = {
  1024: { LePrime: 120, Lh: 256, Lm: 256, Lstatzk: 80 },
  2048: { LePrime: 120, Lh: 256, Lm: 256, Lstatzk: 128 },
  4096: { LePrime: 120, Lh: 256, Lm: 512, Lstatzk: 128 },
};

const cache = new Map<number, SystemParameters>();

/** True for the modulus sizes gabi supports. */
export function isSupportedKeyLength(ln: number): ln is KeyLength {
  return ln === 1024 || ln === 2048 || ln === 4096;
}

/** System parameters for modulus length `ln` (1024, 2048 or 4096; anything else is SCHEME_INVALID). */
export function systemParameters(ln: number): SystemParameters {
  const hit = cache.get(ln);
  if (hit) return hit;
  if (!isSupportedKeyLength(ln)) throw new NutshellError('SCHEME_INVALID', `unsupported key length ${ln}`);
  const { LePrime, Lh, Lm, Lstatzk } = BASE[ln];
  const p: SystemParameters = Object.freeze({
    Ln: ln,
    LePrime,
    Lh,
    Lm,
    Lstatzk,
    Le: Lstatzk + Lh + Lm + 5,
    LeCommit: LePrime + Lstatzk + Lh,
    LmCommit: Lm + Lstatzk + Lh,
    LRA: ln + Lstatzk,
    LRACommit: 2 * Lstatzk + Lh + ln,
    LsCommit: Lm + Lstatzk + Lh + 1,
    Lv: ln + 2 * Lstatzk + Lh + Lm + 4,
    LvCommit: ln + 2 * Lstatzk + Lh + Lm + 4 + Lstatzk + Lh,
    LvPrime: ln + Lstatzk,
    LvPrimeCommit: ln + 2 * Lstatzk + Lh,
  });
  cache.set(ln, p);
  return p;
}

/** Bits of the user's secret key and of the shared secret-key randomizer (fixed at the 1024-bit values, §1). */
export const SECRET_KEY_BITS = 255;
/** Bits of the shared "secretkey" randomizer in proof lists, regardless of key size (§1). */
export const SECRET_KEY_RANDOMIZER_BITS = 592;
/** Seconds per Idemix week (metadata dates and validity). */
export const EXPIRY_FACTOR = 604800;
