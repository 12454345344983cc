import { parseRfc3339 } from '#contract';
import { NutshellError } from '#errors';

/**
 * Parses an RFC 3339 request field as Go's `time.Parse(time.RFC3339, …)` would, to a Date (milliseconds);
 * INVALID_INPUT `could not parse <field>: <Go error>` otherwise, as Nuts.
 */
export function parseRequestTime(field: string, value: string): Date {
  const parsed = parseRfc3339(value);
  if (!parsed.ok) throw new NutshellError('INVALID_INPUT', `could not parse ${field}: ${parsed.error}`);
  const date = new Date(Number(parsed.epochNanos / 1_000_000n));
  if (Number.isNaN(date.getTime())) throw new NutshellError('INVALID_INPUT', `could not parse ${field}: out of range`);
  return date;
}
