export { parseAtumTimestamp, type AtumTimestamp, type AtumAlgorithm, type AtumHashing } from './atum-timestamp.js';
export { timestampNonce, type TimestampDisclosed } from './timestamp-nonce.js';
export { trustedTimestampKeys, decodeTimestampKey, type TrustedTimestampKeys } from './trusted-keys.js';
export { verifyAtumTimestamp, atumSignedBytes, type TimestampVerdict, type TimestampFailure } from './verify-timestamp.js';
