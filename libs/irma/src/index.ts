// Public surface of the IRMA engine. The core (idemix, scheme, request, session, verify, timestamp,
// revocation) is plain TypeScript; only ./nest depends on Nest.
export * from './idemix/index.js';
export * from './scheme/index.js';
export * from './request/index.js';
export * from './session/index.js';
export * from './verify/index.js';
export * from './timestamp/index.js';
export * from './revocation/index.js';
export * from './protocol/index.js';
export * from './cli/index.js';
export * from './nest/index.js';
