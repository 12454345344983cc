/**
 * The `nonrev_proof` member of a ProofD (gabi `revocation.Proof`, idemix.md §9.2). The `alpha`
 * response is never taken from here: gabi overwrites it with the ProofD's response for the
 * revocation attribute, so a value sent in the JSON is ignored.
 */
import { decodeBigB64 } from '../idemix/bigint.js';
import { asJsonObject, goField } from '../verify/go-json.js';
import { parseSignedAccumulator, type SignedAccumulator } from './signed-accumulator.js';

/** The four responses a nonrevocation proof carries besides the shared `alpha`. */
export interface NonRevocationResponses {
  readonly beta: bigint;
  readonly delta: bigint;
  readonly epsilon: bigint;
  readonly zeta: bigint;
}

/** A parsed nonrevocation proof. */
export interface NonRevocationProof {
  readonly cr: bigint;
  readonly cu: bigint;
  readonly responses: NonRevocationResponses;
  readonly sacc: SignedAccumulator;
}

function bigField(object: Record<string, unknown>, name: string): bigint | undefined {
  const value = goField(object, name);
  if (typeof value !== 'string') return undefined;
  try {
    return decodeBigB64(value);
  } catch {
    return undefined;
  }
}

/** Parses a `nonrev_proof` JSON object; undefined when a member is missing or malformed. */
export function parseNonRevocationProof(value: unknown): NonRevocationProof | undefined {
  const object = asJsonObject(value);
  if (object === undefined) return undefined;
  const cr = bigField(object, 'C_r');
  const cu = bigField(object, 'C_u');
  const responsesObject = asJsonObject(goField(object, 'responses'));
  const sacc = parseSignedAccumulator(goField(object, 'sacc'));
  if (cr === undefined || cu === undefined || responsesObject === undefined || sacc === undefined) return undefined;
  // Go map keys are matched exactly (no case folding for map[string]).
  const response = (name: string): bigint | undefined => {
    const raw = responsesObject[name];
    if (typeof raw !== 'string') return undefined;
    try {
      return decodeBigB64(raw);
    } catch {
      return undefined;
    }
  };
  const beta = response('beta');
  const delta = response('delta');
  const epsilon = response('epsilon');
  const zeta = response('zeta');
  if (beta === undefined || delta === undefined || epsilon === undefined || zeta === undefined) return undefined;
  return { cr, cu, responses: { beta, delta, epsilon, zeta }, sacc };
}
