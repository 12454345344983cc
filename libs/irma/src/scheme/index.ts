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
