/**
 * Step 1 of irmago's `VerifyAgainstRequest`: the proof list itself, nonrevocation proofs included,
 * in-thread or on a ProofVerifierPool worker (the same `verifyRevocableProofList` runs in both).
 */
import type { ProofVerifierPool } from '../idemix/pool/proof-verifier-pool.js';
import { toVerifyArgs } from '../idemix/pool/verify-args.js';
import { verifyRevocableProofList, type ProofListVerdict, type RevocableProofList } from '../revocation/verify-proof-list.js';
import type { ResolvedCredential } from './resolve-credentials.js';

/** The list challenge inputs. */
export interface ChallengeInputs {
  readonly context: bigint;
  readonly nonce: bigint;
  readonly issig: boolean;
}

/** Outcome: on success, the verified accumulator per proof position that carried a nonrevocation proof. */
export type CryptoVerdict = ProofListVerdict;

/** Verifies the proof list of already-resolved credentials (non-empty), on `pool` when one is given. */
export async function verifyCryptography(
  credentials: readonly ResolvedCredential[],
  inputs: ChallengeInputs,
  pool?: ProofVerifierPool,
): Promise<CryptoVerdict> {
  if (credentials.length === 0) return { ok: false, failure: 'proof-list-invalid' };
  const list: RevocableProofList = {
    proofs: credentials.map((credential) => credential.proof),
    keys: credentials.map((credential) => credential.publicKey),
    revocationIndices: credentials.map((credential) => credential.credentialType.revocationIndex),
    context: inputs.context,
    nonce: inputs.nonce,
    issig: inputs.issig,
    keyshareGroups: credentials.map((credential) => credential.keyshareGroup),
  };
  return pool === undefined ? verifyRevocableProofList(list) : pool.verifyList(toVerifyArgs(list));
}
