import { NutshellError } from '#errors';

/** Parses a scheme `timestamp` file: decimal Unix seconds, optionally followed by one newline (irmago parseTimestamp). */
export function parseSchemeTimestamp(content: string, file: string): number {
  const body = content.endsWith('\n') ? content.slice(0, -1) : content;
  if (!/^[+-]?\d{1,18}$/.test(body)) throw new NutshellError('SCHEME_INVALID', `${file}: not a Unix timestamp`);
  const value = Number(body);
  if (!Number.isSafeInteger(value)) throw new NutshellError('SCHEME_INVALID', `${file}: timestamp out of range`);
  return value;
}
