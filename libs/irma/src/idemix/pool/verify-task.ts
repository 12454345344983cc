import { isNutshellError } from '#errors';
import { parseDecimalBigInt } from '../bigint.js';
import { parseProofList } from '../proof.js';
import { verifyProofList } from '../proof-list.js';
import type { IssuerPublicKey } from '../public-key.js';
import type { SerializedPublicKey, VerifyArgs, VerifyReply } from './messages.js';
import { deserializePublicKey } from './serialize-key.js';

const MAX_CACHED_KEYS = 64;
/** Parsed keys by modulus, so per-key caches (Z^−1, fixed-base tables) survive across tasks. */
const keys = new Map<string, IssuerPublicKey>();

function keyFor(s: SerializedPublicKey): IssuerPublicKey {
  const hit = keys.get(s.n);
  if (hit && hit.S.toString() === s.S && hit.Z.toString() === s.Z && hit.R.length === s.R.length) return hit;
  const pk = deserializePublicKey(s);
  if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value!);
  keys.set(s.n, pk);
  return pk;
}

/** Runs one verification task as the worker does; malformed input becomes an error reply, never a throw. */
export function runVerifyTask(id: number, args: VerifyArgs): VerifyReply {
  try {
    const context = parseDecimalBigInt(String(args.context));
    const nonce = parseDecimalBigInt(String(args.nonce));
    if (context === undefined || nonce === undefined) return { id, ok: false, code: 'INVALID_INPUT', detail: 'context and nonce must be decimal strings' };
    if (!Array.isArray(args.keys)) return { id, ok: false, code: 'INVALID_INPUT', detail: 'keys must be an array' };
    const proofs = parseProofList(args.proofList);
    const pks = args.keys.map(keyFor);
    return { id, ok: true, verdict: verifyProofList(proofs, pks, context, nonce, args.issig === true, args.keyshareGroups) };
  } catch (err) {
    if (isNutshellError(err)) return { id, ok: false, code: err.code, detail: err.detail };
    return { id, ok: false, code: 'INTERNAL', detail: 'proof verification failed unexpectedly' };
  }
}
