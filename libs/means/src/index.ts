export type { Means, MeansName } from './types/means.js';
export type {
  DummySessionPointer,
  DummySessionState,
  DummySigningSessionStatus,
  SessionPointer,
  SigningSessionStatus,
  StartedSession,
} from './types/session.js';
export {
  BASE_PRESENTATION_TYPE,
  CREDENTIALS_V1_CONTEXT,
  DUMMY_PRESENTATION_TYPE,
  type DummyProof,
  type DummyVerifiablePresentation,
  type ReceivedPresentation,
  type VerifiablePresentation,
} from './types/presentation.js';
export type { AttributeMap, VerificationResult } from './types/verification.js';
export { goField, isJsonObject } from './presentation/go-field.js';
export { readPresentation, unknownPresentationType, VERIFY_ERROR_PREFIX } from './presentation/read-presentation.js';
export { MeansRegistry, START_ERROR_PREFIX, type CreatedSignSession } from './registry/means-registry.js';
export {
  createMeansRegistry,
  type BuiltMeansRegistry,
  type MeansFactories,
  type MeansSelection,
} from './registry/create-means-registry.js';
export { DetachedSeal, utf8, type SealCheck } from './seal/detached-seal.js';
export type { ProofKeys } from './seal/proof-keys.js';
export {
  DUMMY_SEAL_KID,
  DUMMY_SESSION_TTL_SECONDS,
  DummyMeans,
  type DummyMeansOptions,
} from './dummy/dummy-means.js';
export type { DummySessionRecord } from './dummy/dummy-session.js';
