import { NutshellError } from '#errors';
import { createContract } from './contract-object.js';
import { parseContractDateMillis, type ContractDateMillisResult } from './dates.js';
import { compileTemplatePattern, matchTemplatePattern, type TemplatePattern } from './template-pattern.js';
import { findTemplate, listTemplates } from './templates.js';
import type { Contract, ContractParams, ContractTemplate, TemplateAttribute } from './types.js';

// Go's `^(.{2}):(.+):(v\d+)`: `.` is any character but `\n`, `.{2}` is two code points (hence the `u` flag), and
// the greedy `(.+)` makes the LAST `:v<digits>` of the first line the version.
const PREFIX = /^([^\n]{2}):([^\n]+):(v\d+)/u;

// Echo prefix parts in errors only when they look like identifiers: with the greedy prefix a "type" can hold a
// whole sentence of the contract, and error details must not carry contract text.
const IDENTIFIER = /^[\p{L}\p{N}_-]{1,40}$/u;
const echo = (value: string): string => (IDENTIFIER.test(value) ? value : '<omitted>');

const patterns = new Map<string, TemplatePattern>(listTemplates().map((t) => [t.regex, compileTemplatePattern(t.regex)]));

function patternOf(template: ContractTemplate): TemplatePattern {
  let pattern = patterns.get(template.regex);
  if (pattern === undefined) {
    pattern = compileTemplatePattern(template.regex);
    patterns.set(template.regex, pattern);
  }
  return pattern;
}

/** Reads language, type and version from the start of a contract text and finds their template. */
export function templateOfText(text: string): ContractTemplate {
  const prefix = PREFIX.exec(text);
  if (prefix === null) {
    throw new NutshellError('CONTRACT_INVALID_TEXT', 'invalid contract text: could not extract contract version, language and type');
  }
  const [, language = '', type = '', version = ''] = prefix;
  const template = findTemplate(language, type, version);
  if (template === undefined) {
    throw new NutshellError(
      'CONTRACT_UNKNOWN_TEMPLATE',
      `could not find contract template for language '${echo(language)}', type '${echo(type)}' and version '${echo(version)}'`,
    );
  }
  return template;
}

/**
 * Extracts the template attributes from a text with the template's regex (Nuts `initParams`): group i fills
 * attribute i. The regex is unanchored and greedy, so text after the final dot is ignored and a city containing
 * the separator (` te `, ` located in `) is split at its last occurrence.
 */
export function extractParams(template: ContractTemplate, text: string): ContractParams {
  const groups = matchTemplatePattern(patternOf(template), text);
  if (groups === undefined) {
    throw new NutshellError('CONTRACT_INVALID_TEXT', 'invalid contract text: could not match the contract template regex');
  }
  if (groups.length !== template.templateAttributes.length) {
    throw new NutshellError(
      'CONTRACT_INVALID_TEXT',
      `invalid contract text: amount of template attributes does not match the amount of Params: found: ${groups.length}, expected ${template.templateAttributes.length}`,
    );
  }
  const params: Partial<Record<TemplateAttribute, string>> = {};
  const attributes = template.templateAttributes;
  for (let i = 0; i < attributes.length; i++) params[attributes[i] as TemplateAttribute] = groups[i] ?? '';
  return Object.freeze(params);
}

/** A contract together with the outcome of reading its two dates, so a verifier need not parse them again. */
export interface ReadContract {
  readonly contract: Contract;
  readonly validFrom: ContractDateMillisResult | undefined;
  readonly validTo: ContractDateMillisResult | undefined;
}

/** `contractFromText` that also returns how its dates parsed. */
export function readContract(template: ContractTemplate, text: string): ReadContract {
  const params = extractParams(template, text);
  const validFrom = params.valid_from === undefined ? undefined : parseContractDateMillis(params.valid_from);
  const validTo = params.valid_to === undefined ? undefined : parseContractDateMillis(params.valid_to);
  const contract = createContract(
    template,
    params,
    text,
    validFrom?.ok === true ? validFrom.millis : undefined,
    validTo?.ok === true ? validTo.millis : undefined,
  );
  return { contract, validFrom, validTo };
}

/** Builds a `Contract` from a template and text, adding parsed dates when they parse. */
export function contractFromText(template: ContractTemplate, text: string): Contract {
  return readContract(template, text).contract;
}

/**
 * Parses a contract text as the Nuts node does: prefix, template lookup, template regex, params; `validFrom` and
 * `validTo` are set when the dates parse (their errors surface in `verifyContractAt`). Does not check validity.
 */
export function parseContractText(text: string): Contract {
  return contractFromText(templateOfText(text), text);
}

/** `parseContractText` that also returns how its dates parsed. */
export function readContractText(text: string): ReadContract {
  return readContract(templateOfText(text), text);
}
