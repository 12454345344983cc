import { RFC3339_LAYOUT, parseWithLayout, type LayoutNames } from './go-layout.js';
import { wallClockAsUtcMillis } from './zone.js';

/** Outcome of parsing an RFC 3339 timestamp; `epochNanos` keeps Go's nanosecond precision. */
export type Rfc3339Result = { readonly ok: true; readonly epochNanos: bigint } | { readonly ok: false; readonly error: string };

/** An RFC 3339 instant as whole epoch seconds (in milliseconds) plus the nanoseconds within that second. */
export type Rfc3339PartsResult =
  | { readonly ok: true; readonly secondMillis: number; readonly nanosecond: number }
  | { readonly ok: false; readonly error: string };

const NO_NAMES: LayoutNames = { weekdays: [], months: [] };

/** Parses like `parseRfc3339` but keeps plain numbers: the second as epoch milliseconds and its nanoseconds. */
export function parseRfc3339Parts(value: string): Rfc3339PartsResult {
  const parsed = parseWithLayout(RFC3339_LAYOUT, value, NO_NAMES);
  if (!parsed.ok) return parsed;
  const f = parsed.fields;
  let secondMillis: number;
  switch (f.zone.kind) {
    case 'offset':
      secondMillis = wallClockAsUtcMillis(f) - f.zone.seconds * 1000;
      break;
    case 'utc':
    case 'none': // Go's default location for time.Parse is UTC
      secondMillis = wallClockAsUtcMillis(f);
      break;
  }
  return { ok: true, secondMillis, nanosecond: f.nanosecond };
}

/**
 * Parses a timestamp like Go's `time.Parse(time.RFC3339, s)`, which the Nuts drawup endpoint uses for `validFrom`:
 * `Z` or `±hh:mm` offset, optional fractional seconds, Go's leniencies and error texts.
 */
export function parseRfc3339(value: string): Rfc3339Result {
  const parsed = parseRfc3339Parts(value);
  if (!parsed.ok) return parsed;
  return { ok: true, epochNanos: BigInt(parsed.secondMillis) * 1_000_000n + BigInt(parsed.nanosecond) };
}
