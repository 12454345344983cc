/**
 * Step 1 of irmago's `VerifyAgainstRequest`: the proof list itself. Lists without nonrevocation
 * proofs go straight to the idemix list verifier; lists with them are checked here, because their
 * six extra values per proof feed the shared challenge (idemix.md §9.2) and the idemix verifier
 * refuses them.
 */
import { createChallenge } from '../idemix/hash.js';
import { proofDContributions, verifyProofList } from '../idemix/proof-list.js';
import { secretKeyResponse, type ProofD } from '../idemix/proof.js';
import { checkNonRevocation } from '../revocation/verify-nonrev.js';
import { parseNonRevocationProof } from '../revocation/nonrev-proof.js';
import type { Accumulator } from '../revocation/signed-accumulator.js';
import type { ResolvedCredential } from './resolve-credentials.js';

/** The list challenge inputs. */
export interface ChallengeInputs {
  readonly context: bigint;
  readonly nonce: bigint;
  readonly issig: boolean;
}

/** Outcome: on success, the verified accumulator per proof position that carried a nonrevocation proof. */
export type CryptoVerdict =
  | { readonly ok: true; readonly accumulators: ReadonlyMap<number, Accumulator> }
  | { readonly ok: false; readonly failure: 'proof-list-invalid' | 'nonrevocation-invalid' };

const INVALID = { ok: false, failure: 'proof-list-invalid' } as const;
const NONREV_INVALID = { ok: false, failure: 'nonrevocation-invalid' } as const;

function withoutNonrev(proof: ProofD): ProofD {
  const { nonrevProof: _dropped, ...bare } = proof;
  return bare;
}

function sameSecretPerGroup(credentials: readonly ResolvedCredential[]): boolean {
  const seen = new Map<string, bigint>();
  for (const credential of credentials) {
    const response = secretKeyResponse(credential.proof);
    if (response === undefined) return false;
    const previous = seen.get(credential.keyshareGroup);
    if (previous === undefined) seen.set(credential.keyshareGroup, response);
    else if (previous !== response) return false;
  }
  return true;
}

function verifyWithNonrevocation(credentials: readonly ResolvedCredential[], inputs: ChallengeInputs): CryptoVerdict {
  const c = credentials[0]!.proof.c;
  if (credentials.some((credential) => credential.proof.c !== c)) return INVALID;
  if (!sameSecretPerGroup(credentials)) return INVALID;
  const contributions: bigint[] = [];
  const accumulators = new Map<number, Accumulator>();
  for (const [position, credential] of credentials.entries()) {
    const { proof, publicKey } = credential;
    if (proof.nonrevProof === undefined) {
      const base = proofDContributions(proof, publicKey, c);
      if (base === undefined) return INVALID;
      contributions.push(...base);
      continue;
    }
    const nonrev = parseNonRevocationProof(proof.nonrevProof);
    const revocationIndex = credential.credentialType.revocationIndex;
    if (nonrev === undefined || revocationIndex === undefined) return NONREV_INVALID;
    const alpha = proof.aResponses.get(revocationIndex + 2);
    if (alpha === undefined) return NONREV_INVALID;
    const base = proofDContributions(withoutNonrev(proof), publicKey, c);
    if (base === undefined) return INVALID;
    const check = checkNonRevocation({ pk: publicKey, proof: nonrev, challenge: c, alpha });
    if (!check.ok) return NONREV_INVALID;
    contributions.push(...base, ...check.contributions);
    accumulators.set(position, check.accumulator);
  }
  if (createChallenge(inputs.context, inputs.nonce, contributions, inputs.issig) !== c) return INVALID;
  return { ok: true, accumulators };
}

/** Verifies the proof list of already-resolved credentials (non-empty). */
export function verifyCryptography(credentials: readonly ResolvedCredential[], inputs: ChallengeInputs): CryptoVerdict {
  if (credentials.length === 0) return INVALID;
  if (credentials.some((credential) => credential.proof.nonrevProof !== undefined)) {
    return verifyWithNonrevocation(credentials, inputs);
  }
  const valid = verifyProofList(
    credentials.map((credential) => credential.proof),
    credentials.map((credential) => credential.publicKey),
    inputs.context,
    inputs.nonce,
    inputs.issig,
    credentials.map((credential) => credential.keyshareGroup),
  );
  return valid ? { ok: true, accumulators: new Map() } : INVALID;
}
