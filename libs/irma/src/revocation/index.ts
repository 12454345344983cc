export {
  parseSignedAccumulator,
  verifySignedAccumulator,
  type SignedAccumulator,
  type Accumulator,
} from './signed-accumulator.js';
export { parseNonRevocationProof, type NonRevocationProof, type NonRevocationResponses } from './nonrev-proof.js';
export { nonrevContributions, NONREV_ALPHA_BOUND, type NonrevContributionInput } from './contributions.js';
export { checkNonRevocation, type NonrevCheck, type NonrevCheckInput, type NonrevFailure } from './verify-nonrev.js';
export { verifyRevocableProofList, type RevocableProofList, type ProofListVerdict } from './verify-proof-list.js';
