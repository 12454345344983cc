import { isNutshellError } from '#errors';
import { verifyRevocableProofList } from '../../revocation/verify-proof-list.js';
import type { IssuerPublicKey } from '../public-key.js';
import type { SerializedPublicKey, VerifyArgs, VerifyReply } from './messages.js';
import { deserializePublicKey } from './serialize-key.js';
import { fromVerifyArgs } from './verify-args.js';

const MAX_CACHED_KEYS = 64;
/** Parsed keys by modulus with the form they came in, so per-key caches (Z^−1, fixed-base tables) survive across tasks. */
const keys = new Map<string, { readonly serialized: SerializedPublicKey; readonly pk: IssuerPublicKey }>();

/** Same key, compared on the decimal strings (a test may swap a key's revocation part and keep its n). */
function sameKey(a: SerializedPublicKey, b: SerializedPublicKey): boolean {
  return (
    a.counter === b.counter && a.S === b.S && a.Z === b.Z && a.G === b.G && a.H === b.H && a.ecdsa === b.ecdsa &&
    a.R.length === b.R.length && a.R.every((r, i) => r === b.R[i])
  );
}

function keyFor(s: SerializedPublicKey): IssuerPublicKey {
  const hit = keys.get(s.n);
  if (hit !== undefined && sameKey(hit.serialized, s)) return hit.pk;
  const pk = deserializePublicKey(s);
  if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value!);
  keys.set(s.n, { serialized: s, pk });
  return pk;
}

/** Runs one verification task as the worker does; malformed input becomes an error reply, never a throw. */
export function runVerifyTask(id: number, args: VerifyArgs): VerifyReply {
  try {
    return { id, ok: true, verdict: verifyRevocableProofList(fromVerifyArgs(args, keyFor)) };
  } catch (err) {
    if (isNutshellError(err)) return { id, ok: false, code: err.code, detail: err.detail };
    return { id, ok: false, code: 'INTERNAL', detail: 'proof verification failed unexpectedly' };
  }
}
