import { NutshellError } from '#errors';
import { parseContractDateMillis, type ContractDateMillisResult } from './dates.js';
import { readContractText } from './parse.js';
import { findTemplate } from './templates.js';
import type { Contract } from './types.js';

/** Knobs of `verifyContractAt`. */
export interface VerifyContractOptions {
  /** Leeway on both ends of the validity period. Default 0: Nuts has none; the node passes its configured skew. */
  readonly clockSkewSeconds?: number;
  /** When given, `legal_entity` must equal it exactly (the n2n token flow's check). */
  readonly legalEntity?: string;
  /** When given together with `legalEntity`, `legal_entity_city` must equal it too (absent in v1 counts as ''). */
  readonly legalEntityCity?: string;
}

// Real dates are at most ~40 characters; a longer value is some other part of the text the greedy regex swallowed,
// and error details must not echo contract text.
const MAX_ECHO = 64;

/** The date param in epoch milliseconds; `known` is its parse outcome when the caller already has it. */
function parseDateParam(contract: Contract, attribute: 'valid_from' | 'valid_to', known: ContractDateMillisResult | undefined): number {
  const value = contract.params[attribute];
  if (value === undefined) {
    throw new NutshellError('CONTRACT_INVALID_TEXT', `invalid contract text: value for [${attribute}] is missing`);
  }
  const parsed = known ?? parseContractDateMillis(value);
  if (parsed.ok) return parsed.millis;
  const detail =
    value.length <= MAX_ECHO
      ? `invalid contract text: unable to parse [${attribute}]: invalid time string [${value}]: ${parsed.error}`
      : `invalid contract text: unable to parse [${attribute}]: invalid time string [<omitted>]`;
  throw new NutshellError('CONTRACT_INVALID_TEXT', detail);
}

/**
 * Checks that a contract (or contract text) is valid at `checkTime`, in Nuts order and with Nuts detail texts:
 * known template, both dates present and parseable, valid_from not after valid_to, then
 * valid_from - skew <= checkTime <= valid_to + skew (inclusive), then the optional legal entity.
 * Throws `NutshellError` with CONTRACT_UNKNOWN_TEMPLATE, CONTRACT_INVALID_TEXT, CONTRACT_INVALID_PERIOD,
 * CONTRACT_NOT_YET_VALID, CONTRACT_EXPIRED or CONTRACT_LEGAL_ENTITY_MISMATCH; returns the (parsed) contract.
 */
export function verifyContractAt(contract: Contract | string, checkTime: Date, options: VerifyContractOptions = {}): Contract {
  const skew = options.clockSkewSeconds ?? 0;
  if (!Number.isFinite(skew) || skew < 0) throw new NutshellError('INVALID_INPUT', 'clock skew must be a non-negative number of seconds');
  const at = checkTime.getTime();
  if (!Number.isFinite(at)) throw new NutshellError('INVALID_INPUT', 'check time is not a valid date');

  // A text is parsed here, so its date outcomes are reused; a Contract object may come from JSON: read its params.
  const read = typeof contract === 'string' ? readContractText(contract) : { contract, validFrom: undefined, validTo: undefined };
  const parsed = read.contract;
  // Compared by content, not identity: contracts come back from session stores as plain JSON.
  const { template } = parsed;
  const known = findTemplate(template.language, template.type, template.version);
  if (known === undefined || known.template !== template.template || known.regex !== template.regex) {
    throw new NutshellError('CONTRACT_UNKNOWN_TEMPLATE', 'contract template is not a known template');
  }

  const validFrom = parseDateParam(parsed, 'valid_from', read.validFrom);
  const validTo = parseDateParam(parsed, 'valid_to', read.validTo);
  if (validFrom > validTo) {
    throw new NutshellError('CONTRACT_INVALID_PERIOD', 'invalid contract text: invalid period: [valid_from] must become before [valid_to]');
  }
  const skewMillis = skew * 1000;
  if (at < validFrom - skewMillis) {
    throw new NutshellError('CONTRACT_NOT_YET_VALID', 'invalid contract text: invalid period: contract is not yet valid');
  }
  if (at > validTo + skewMillis) {
    throw new NutshellError('CONTRACT_EXPIRED', 'invalid contract text: invalid period: contract is expired');
  }

  if (options.legalEntity !== undefined) {
    const nameMatches = parsed.params.legal_entity === options.legalEntity;
    const cityMatches = options.legalEntityCity === undefined || (parsed.params.legal_entity_city ?? '') === options.legalEntityCity;
    if (!nameMatches || !cityMatches) throw new NutshellError('CONTRACT_LEGAL_ENTITY_MISMATCH', 'legal entity mismatch');
  }
  return parsed;
}
