import type { VerifiableCredential } from '../registry-types.js';

/** Why a credential is not valid at a moment, or undefined when it is (issuanceDate ≤ at ≤ expirationDate, ± skew). */
export function validityProblem(vc: Pick<VerifiableCredential, 'issuanceDate' | 'expirationDate'>, at: Date, skewSeconds: number): string | undefined {
  const skew = skewSeconds * 1000;
  const issued = Date.parse(vc.issuanceDate);
  if (Number.isNaN(issued)) return 'credential has no valid issuanceDate';
  if (issued - skew > at.getTime()) return 'credential is not yet valid';
  if (vc.expirationDate !== undefined) {
    const expires = Date.parse(vc.expirationDate);
    if (Number.isNaN(expires)) return 'credential has an invalid expirationDate';
    if (at.getTime() > expires + skew) return 'credential has expired';
  }
  return undefined;
}
