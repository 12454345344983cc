/**
 * What verification needs from the IRMA configuration (I2's `IrmaConfiguration` satisfies it
 * structurally). Lookups may be synchronous or asynchronous and may throw for unknown ids; the
 * verifier treats both a throw and `undefined` as "unknown".
 */
import type { IssuerPublicKey } from '../idemix/public-key.js';
import type { CredentialType, SchemeManager } from '../scheme/types.js';

type MaybePromise<T> = T | Promise<T>;

/** The read-only scheme view a verifier uses. */
export interface VerifierConfiguration {
  credentialTypeByHash(hash16: Uint8Array): MaybePromise<CredentialType | undefined>;
  publicKey(issuerId: string, counter: number): MaybePromise<IssuerPublicKey | undefined>;
  scheme(id: string): MaybePromise<SchemeManager | undefined>;
}

/** Calls a lookup, mapping a throw (or rejection) to undefined. */
export async function lookup<T>(call: () => MaybePromise<T | undefined>): Promise<T | undefined> {
  try {
    return await call();
  } catch {
    return undefined;
  }
}
