import { NutshellError } from '#errors';
import type { RevocableProofList } from '../../revocation/verify-proof-list.js';
import { parseDecimalBigInt } from '../bigint.js';
import { parseProofList, serializeProofList } from '../proof.js';
import type { IssuerPublicKey } from '../public-key.js';
import type { SerializedPublicKey, VerifyArgs } from './messages.js';
import { serializePublicKey } from './serialize-key.js';

/** The worker-safe form of a proof list to verify (proofs as gabi JSON, big integers as decimal strings). */
export function toVerifyArgs(list: RevocableProofList): VerifyArgs {
  return {
    proofList: serializeProofList(list.proofs),
    keys: list.keys.map(serializePublicKey),
    context: list.context.toString(),
    nonce: list.nonce.toString(),
    issig: list.issig,
    ...(list.keyshareGroups !== undefined ? { keyshareGroups: list.keyshareGroups } : {}),
    ...(list.revocationIndices !== undefined ? { revocationIndices: list.revocationIndices.map((index) => index ?? null) } : {}),
  };
}

function decimal(value: unknown, what: string): bigint {
  const parsed = parseDecimalBigInt(String(value));
  if (parsed === undefined) throw new NutshellError('INVALID_INPUT', `${what} must be a decimal string`);
  return parsed;
}

/**
 * Rebuilds the proof list a worker verifies, keys through `keyFor` (so that a cache can keep per-key tables);
 * throws a NutshellError on malformed input.
 */
export function fromVerifyArgs(args: VerifyArgs, keyFor: (key: SerializedPublicKey) => IssuerPublicKey): RevocableProofList {
  const context = decimal(args.context, 'context');
  const nonce = decimal(args.nonce, 'nonce');
  if (!Array.isArray(args.keys)) throw new NutshellError('INVALID_INPUT', 'keys must be an array');
  const indices = args.revocationIndices;
  if (indices !== undefined && (!Array.isArray(indices) || indices.some((i) => i !== null && !Number.isSafeInteger(i)))) {
    throw new NutshellError('INVALID_INPUT', 'revocationIndices must be integers or null');
  }
  return {
    proofs: parseProofList(args.proofList),
    keys: args.keys.map(keyFor),
    context,
    nonce,
    issig: args.issig === true,
    ...(args.keyshareGroups !== undefined ? { keyshareGroups: args.keyshareGroups } : {}),
    ...(indices !== undefined ? { revocationIndices: indices.map((index) => index ?? undefined) } : {}),
  };
}
