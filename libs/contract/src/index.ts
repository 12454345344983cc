export type {
  Contract,
  ContractLanguage,
  ContractLocale,
  ContractParams,
  ContractTemplate,
  ContractType,
  ContractVersion,
  TemplateAttribute,
} from './types.js';
export { DEFAULT_CONTRACT_VERSION, STANDARD_SIGNER_ATTRIBUTES, findTemplate, listTemplates } from './templates.js';
export { renderTemplate } from './render.js';
export { formatContractDate, parseContractDate, type ContractDateResult } from './dates.js';
export { CONTRACT_TIME_ZONE, amsterdamWallClockToMillis, type WallClock } from './zone.js';
export { parseGoDuration, parseSimpleGoDuration, type DurationResult, type GoDuration } from './duration.js';
export { parseRfc3339, type Rfc3339Result } from './rfc3339.js';
export { DEFAULT_VALID_DURATION_NANOS, drawUpContract, type DrawUpInput } from './drawup.js';
export { contractFromText, extractParams, parseContractText, templateOfText } from './parse.js';
export { verifyContractAt, type VerifyContractOptions } from './validate.js';
