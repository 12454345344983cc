const HEX = '0123456789abcdef';

/**
 * Quotes a value the way Go's `time` package does in its error messages: double quotes, a backslash before `"`
 * and `\`, and every byte of a non-ASCII or control character as `\xNN`. Reproducing it keeps our error texts
 * byte-for-byte equal to the Nuts node's.
 */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x80 || code < 0x20) {
      for (const byte of Buffer.from(ch, 'utf8')) out += `\\x${HEX[byte >> 4]}${HEX[byte & 0xf]}`;
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return out + '"';
}
