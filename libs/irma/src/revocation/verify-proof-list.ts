/**
 * Step 1 of irmago's `VerifyAgainstRequest` for lists that may carry nonrevocation proofs: the idemix
 * list verifier, with each `nonrev_proof` checked and its six values hashed into the shared challenge
 * (idemix.md §9.2). Pure and thread-agnostic: runs in-thread or in a ProofVerifierPool worker.
 */
import type { ExpEngine } from '../idemix/exp-engine.js';
import { verifyProofList, type NonrevContributions } from '../idemix/proof-list.js';
import type { Proof, ProofD } from '../idemix/proof.js';
import type { IssuerPublicKey } from '../idemix/public-key.js';
import { parseNonRevocationProof } from './nonrev-proof.js';
import type { Accumulator } from './signed-accumulator.js';
import { checkNonRevocation, type NonrevCheck } from './verify-nonrev.js';

/** A proof list and everything its verification needs. */
export interface RevocableProofList {
  readonly proofs: readonly Proof[];
  /** One key per proof. */
  readonly keys: readonly IssuerPublicKey[];
  /** Per proof, its credential type's revocation attribute index (scheme numbering: gabi index − 2), if any. */
  readonly revocationIndices?: readonly (number | undefined)[];
  readonly context: bigint;
  readonly nonce: bigint;
  readonly issig: boolean;
  /** Keyshare group per proof ('.' = none); all '.' when absent. */
  readonly keyshareGroups?: readonly string[];
  readonly engine?: ExpEngine;
}

/** Outcome: on success, the verified accumulator per proof position that carried a nonrevocation proof. */
export type ProofListVerdict =
  | { readonly ok: true; readonly accumulators: ReadonlyMap<number, Accumulator> }
  | { readonly ok: false; readonly failure: 'proof-list-invalid' | 'nonrevocation-invalid' };

/** The check of one proof's `nonrev_proof`; undefined when it does not parse or has no revocation attribute to refer to. */
function checkProof(proof: ProofD, pk: IssuerPublicKey, revocationIndex: number | undefined, c: bigint): NonrevCheck | undefined {
  const nonrev = parseNonRevocationProof(proof.nonrevProof);
  if (nonrev === undefined || revocationIndex === undefined) return undefined;
  // gabi takes alpha from the ProofD's response for the revocation attribute, never from the nonrev_proof JSON.
  const alpha = proof.aResponses.get(revocationIndex + 2);
  return alpha === undefined ? undefined : checkNonRevocation({ pk, proof: nonrev, challenge: c, alpha });
}

/** Verifies the list; a failing nonrevocation proof is reported as such, any other failure as proof-list-invalid. */
export function verifyRevocableProofList(list: RevocableProofList): ProofListVerdict {
  const accumulators = new Map<number, Accumulator>();
  let nonrevFailed = false;
  const nonrev: NonrevContributions = (proof, position, c) => {
    const check = checkProof(proof, list.keys[position]!, list.revocationIndices?.[position], c);
    if (check === undefined || !check.ok) {
      nonrevFailed = true;
      return undefined;
    }
    accumulators.set(position, check.accumulator);
    return check.contributions;
  };
  const engine = list.engine !== undefined ? { engine: list.engine } : {};
  const valid = verifyProofList(list.proofs, list.keys, list.context, list.nonce, list.issig, list.keyshareGroups, { ...engine, nonrev });
  if (valid) return { ok: true, accumulators };
  return { ok: false, failure: nonrevFailed ? 'nonrevocation-invalid' : 'proof-list-invalid' };
}
