export type {
  TranslatedString,
  SchemeLogger,
  SchemeManager,
  Issuer,
  AttributeType,
  CredentialDependencies,
  CredentialType,
  SchemeIndexEntry,
  DisabledScheme,
  IrmaConfigurationOptions,
  SchemeUpdateResult,
} from './types.js';
export { IrmaConfiguration } from './configuration.js';
export { readSchemeDirectory, verifySignedIndex, type LoadedScheme, type ReadSchemeOptions } from './read-scheme.js';
export { parseSchemeIndex, serializeSchemeIndex, type SchemeIndex } from './index-file.js';
export { parseSchemePublicKey, verifyIndexSignature, signIndex } from './signature.js';
export { parseSchemeTimestamp } from './timestamp.js';
export { parseSchemeDescription, parseIssuerDescription, parseCredentialTypeDescription } from './descriptions.js';
export { readPrivateKeyFolder, type FolderPrivateKey } from './private-key-folder.js';
export { startPeriodic } from './auto-update.js';
export { signSchemeDirectory } from './sign-scheme.js';
export { DEFAULT_SCHEMES, type SchemePointer } from './default-schemes.js';
