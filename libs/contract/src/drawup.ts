import { NutshellError, isNutshellError } from '#errors';
import { formatContractDate } from './dates.js';
import { parseGoDuration } from './duration.js';
import { contractFromText } from './parse.js';
import { renderTemplate } from './render.js';
import { parseRfc3339 } from './rfc3339.js';
import type { Contract, ContractTemplate } from './types.js';

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

const NANOS_PER_MILLI = 1_000_000n;
const NANOS_PER_SECOND = 1_000_000_000n;
// JavaScript dates stop at ±8.64e15 ms; beyond that there is no calendar date to write.
const MAX_NANOS = 8_640_000_000_000_000n * NANOS_PER_MILLI;

function dateToNanos(date: Date, field: string): bigint {
  const millis = date.getTime();
  if (!Number.isFinite(millis)) throw new NutshellError('INVALID_INPUT', `could not parse ${field}: invalid date`);
  return BigInt(millis) * NANOS_PER_MILLI;
}

function validFromNanos(input: DrawUpInput): bigint {
  const { validFrom } = input;
  if (validFrom === undefined) return dateToNanos(input.now ?? new Date(), 'now');
  if (validFrom instanceof Date) return dateToNanos(validFrom, 'validFrom');
  const parsed = parseRfc3339(validFrom);
  if (!parsed.ok) throw new NutshellError('INVALID_INPUT', `could not parse validFrom: ${parsed.error}`);
  return parsed.epochNanos;
}

function durationNanos(validDuration: string | undefined): bigint {
  if (validDuration === undefined) return DEFAULT_VALID_DURATION_NANOS;
  const parsed = parseGoDuration(validDuration);
  if (!parsed.ok) throw new NutshellError('INVALID_INPUT', `could not parse validDuration: ${parsed.error}`);
  return parsed.nanoseconds === 0n ? DEFAULT_VALID_DURATION_NANOS : parsed.nanoseconds;
}

/** Whole seconds (rounded toward the past, as Go's formatting does) as epoch milliseconds. */
function truncatedMillis(nanos: bigint): number {
  let seconds = nanos / NANOS_PER_SECOND;
  if (nanos < 0n && nanos % NANOS_PER_SECOND !== 0n) seconds -= 1n;
  return Number(seconds) * 1000;
}

/**
 * Draws up a login contract as the Nuts notary does: `valid_from` = validFrom, `valid_to` = validFrom + duration
 * (both in Europe/Amsterdam, sub-seconds dropped), rendered with the template's locale, then read back with the
 * template regex. The returned params and dates are what that read-back yields, so they are what a verifier sees.
 * Errors: `INVALID_INPUT` (validFrom / validDuration, Nuts texts), `INTERNAL` when the rendered text fails its own
 * regex (Nuts answers 500 too), e.g. for v1 (no acting party) or a name containing a line break.
 */
export function drawUpContract(input: DrawUpInput): Contract {
  const from = validFromNanos(input);
  const to = from + durationNanos(input.validDuration);
  if (from > MAX_NANOS || from < -MAX_NANOS || to > MAX_NANOS || to < -MAX_NANOS) {
    throw new NutshellError('INVALID_INPUT', 'could not draw up contract: validity period out of range');
  }
  const { template } = input;
  const text = renderTemplate(template.template, {
    legal_entity: input.legalEntity,
    legal_entity_city: input.legalEntityCity,
    valid_from: formatContractDate(truncatedMillis(from), template.locale),
    valid_to: formatContractDate(truncatedMillis(to), template.locale),
  });
  try {
    return contractFromText(template, text);
  } catch (error) {
    if (isNutshellError(error)) {
      throw new NutshellError('INTERNAL', `could not draw up contract: ${error.detail}`, { cause: error });
    }
    throw error;
  }
}
