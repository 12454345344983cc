export { ProofVerifierPool, defaultWorkerUrl, type ProofVerifierPoolOptions } from './proof-verifier-pool.js';
export type { SerializedPublicKey, VerifyArgs } from './messages.js';
export { serializePublicKey, deserializePublicKey } from './serialize-key.js';
export { toVerifyArgs, fromVerifyArgs } from './verify-args.js';
export { runVerifyTask } from './verify-task.js';
