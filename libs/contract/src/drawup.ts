import { NutshellError, isNutshellError } from '#errors';
import { createContract } from './contract-object.js';
import { floorToSecond, formatContractDateParts, parseContractDateMillis, type FormattedContractDate } from './dates.js';
import { parseGoDuration, parseSimpleGoDuration } from './duration.js';
import { extractParams } from './parse.js';
import { renderTemplate } from './render.js';
import { parseRfc3339Parts } from './rfc3339.js';
import type { Contract, ContractTemplate } from './types.js';
import { amsterdamWallClockToMillis } from './zone.js';

/** Fixed in Nuts (`contractValidity`), not configurable. */
export const DEFAULT_VALID_DURATION_NANOS = 60n * 60n * 1_000_000_000n;

/** What it takes to draw up a contract; name and city come from the organization's credential. */
export interface DrawUpInput {
  readonly template: ContractTemplate;
  /** Organization name, rendered raw (no HTML escaping). */
  readonly legalEntity: string;
  /** Organization city, rendered raw. */
  readonly legalEntityCity: string;
  /** Start of validity: an instant, or an RFC 3339 string as the API receives it. Omitted: `now`. */
  readonly validFrom?: Date | string;
  /** Go duration syntax; omitted, `"0"` or any zero duration means 60 minutes. Negative is accepted, as in Nuts. */
  readonly validDuration?: string;
  /** The current time, for a default `validFrom`. */
  readonly now?: Date;
}

const NANOS_PER_MILLI = 1_000_000;
const DEFAULT_VALID_DURATION = Number(DEFAULT_VALID_DURATION_NANOS);
// JavaScript dates stop at ±8.64e15 ms; beyond that there is no calendar date to write. Amsterdam is ahead of UTC
// (by at most two hours), so at the upper end the wall clock runs out two hours earlier.
const MIN_MILLIS = -8.64e15;
const MAX_MILLIS = 8.64e15 - 2 * 3_600_000;

/** Start of validity as Go holds it, split so plain numbers stay exact: whole milliseconds plus 0-999999 ns. */
interface Instant {
  readonly millis: number;
  readonly subMilliNanos: number;
}

function dateInstant(date: Date, field: string): Instant {
  const millis = date.getTime();
  if (!Number.isFinite(millis)) throw new NutshellError('INVALID_INPUT', `could not parse ${field}: invalid date`);
  return { millis, subMilliNanos: 0 };
}

function validFromInstant(input: DrawUpInput): Instant {
  const { validFrom } = input;
  if (validFrom === undefined) return dateInstant(input.now ?? new Date(), 'now');
  if (validFrom instanceof Date) return dateInstant(validFrom, 'validFrom');
  const parsed = parseRfc3339Parts(validFrom);
  if (!parsed.ok) throw new NutshellError('INVALID_INPUT', `could not parse validFrom: ${parsed.error}`);
  const wholeMillis = Math.floor(parsed.nanosecond / NANOS_PER_MILLI);
  return { millis: parsed.secondMillis + wholeMillis, subMilliNanos: parsed.nanosecond - wholeMillis * NANOS_PER_MILLI };
}

/** The duration in nanoseconds: a number when exact, a bigint when only Go's int64 arithmetic holds it. */
function durationNanos(validDuration: string | undefined): number | bigint {
  if (validDuration === undefined) return DEFAULT_VALID_DURATION;
  const simple = parseSimpleGoDuration(validDuration);
  if (simple !== undefined) return simple === 0 ? DEFAULT_VALID_DURATION : simple;
  const parsed = parseGoDuration(validDuration);
  if (!parsed.ok) throw new NutshellError('INVALID_INPUT', `could not parse validDuration: ${parsed.error}`);
  return parsed.nanoseconds === 0n ? DEFAULT_VALID_DURATION : parsed.nanoseconds;
}

/** Whether whole milliseconds plus sub-millisecond nanoseconds lie outside Go's representable dates for us. */
function outOfRange(millis: number, subMilliNanos: number): boolean {
  return millis > MAX_MILLIS || (millis === MAX_MILLIS && subMilliNanos > 0) || millis < MIN_MILLIS;
}

const outOfRangeError = (): NutshellError =>
  new NutshellError('INVALID_INPUT', 'could not draw up contract: validity period out of range');

/** End of validity as epoch milliseconds rounded down to whole seconds (Go's formatting drops sub-seconds). */
function validToSecond(from: Instant, duration: number | bigint): number {
  if (typeof duration === 'number' && duration % NANOS_PER_MILLI === 0) {
    // Sub-millisecond nanoseconds of `from` cannot carry into another second when the duration is whole ms.
    const millis = from.millis + duration / NANOS_PER_MILLI;
    if (outOfRange(millis, from.subMilliNanos)) throw outOfRangeError();
    return floorToSecond(millis);
  }
  const nanos = (BigInt(from.millis) * 1_000_000n + BigInt(from.subMilliNanos)) + BigInt(duration);
  if (nanos > BigInt(MAX_MILLIS) * 1_000_000n || nanos < BigInt(MIN_MILLIS) * 1_000_000n) throw outOfRangeError();
  let seconds = nanos / 1_000_000_000n;
  if (nanos < 0n && nanos % 1_000_000_000n !== 0n) seconds -= 1n;
  return Number(seconds) * 1000;
}

/**
 * The instant a verifier reads from a date param. When the param is exactly the date just written, its wall clock
 * is known and only the zone conversion remains (the same one the parser ends with); a param that differs (a name
 * that fools the greedy template regex) is parsed in full. Years outside 0-9999 never parse back (Go's layout
 * reads four digits).
 */
function readBackMillis(param: string | undefined, written: FormattedContractDate): number | undefined {
  if (param === undefined) return undefined;
  if (param === written.text) {
    const { year } = written.wall;
    return year >= 0 && year <= 9999 ? amsterdamWallClockToMillis(written.wall) : undefined;
  }
  const parsed = parseContractDateMillis(param);
  return parsed.ok ? parsed.millis : undefined;
}

/**
 * Draws up a login contract as the Nuts notary does: `valid_from` = validFrom, `valid_to` = validFrom + duration
 * (both in Europe/Amsterdam, sub-seconds dropped), rendered with the template's locale, then read back with the
 * template regex. The returned params and dates are what that read-back yields, so they are what a verifier sees.
 * Errors: `INVALID_INPUT` (validFrom / validDuration, Nuts texts), `INTERNAL` when the rendered text fails its own
 * regex (Nuts answers 500 too), e.g. for v1 (no acting party) or a name containing a line break.
 */
export function drawUpContract(input: DrawUpInput): Contract {
  const from = validFromInstant(input);
  const duration = durationNanos(input.validDuration);
  if (outOfRange(from.millis, from.subMilliNanos)) throw outOfRangeError();
  const toSecond = validToSecond(from, duration);
  const { template } = input;
  const validFrom = formatContractDateParts(floorToSecond(from.millis), template.locale);
  const validTo = formatContractDateParts(toSecond, template.locale);
  const text = renderTemplate(template.template, {
    legal_entity: input.legalEntity,
    legal_entity_city: input.legalEntityCity,
    valid_from: validFrom.text,
    valid_to: validTo.text,
  });
  try {
    const params = extractParams(template, text);
    return createContract(template, params, text, readBackMillis(params.valid_from, validFrom), readBackMillis(params.valid_to, validTo));
  } catch (error) {
    if (isNutshellError(error)) {
      throw new NutshellError('INTERNAL', `could not draw up contract: ${error.detail}`, { cause: error });
    }
    throw error;
  }
}
