import { NutshellError } from '#errors';

/** An IRMA app protocol version `major.minor`. */
export interface ProtocolVersion {
  readonly major: number;
  readonly minor: number;
}

/** Lowest app protocol version accepted (irmago's default: 2.8, so pairing cannot be skipped). */
export const SERVER_MIN_VERSION: ProtocolVersion = { major: 2, minor: 8 };
/** Highest app protocol version spoken. */
export const SERVER_MAX_VERSION: ProtocolVersion = { major: 2, minor: 8 };

/** Parses a version header value: `2.8` or `"2.8"`; undefined when unparsable. */
export function parseProtocolVersion(value: string | undefined): ProtocolVersion | undefined {
  if (value === undefined) return undefined;
  const match = /^"?(\d{1,4})\.(\d{1,4})"?$/.exec(value.trim());
  if (match === null) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export function compareVersions(a: ProtocolVersion, b: ProtocolVersion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor;
}

/** `major.minor`. */
export function formatVersion(version: ProtocolVersion): string {
  return `${version.major}.${version.minor}`;
}

/** Outcome of negotiation: either a version, or a reason the session must be cancelled. */
export type Negotiation = { readonly ok: true; readonly version: ProtocolVersion } | { readonly ok: false; readonly reason: string };

/**
 * Picks the version from the app's headers (§5.2). Missing or unparsable headers throw
 * MALFORMED_INPUT (the session survives); an empty overlap is a failed negotiation (it does not).
 */
export function negotiateVersion(minHeader: string | undefined, maxHeader: string | undefined): Negotiation {
  const clientMin = parseProtocolVersion(minHeader);
  const clientMax = parseProtocolVersion(maxHeader);
  if (clientMin === undefined || clientMax === undefined) {
    throw new NutshellError('IRMA_MALFORMED_INPUT', 'X-IRMA-MinProtocolVersion and X-IRMA-MaxProtocolVersion must be major.minor');
  }
  if (compareVersions(clientMax, clientMin) < 0) return { ok: false, reason: 'client max version below its min version' };
  if (compareVersions(clientMin, SERVER_MAX_VERSION) > 0 || compareVersions(clientMax, SERVER_MIN_VERSION) < 0) {
    return { ok: false, reason: `supported protocol versions are ${formatVersion(SERVER_MIN_VERSION)} to ${formatVersion(SERVER_MAX_VERSION)}` };
  }
  return { ok: true, version: compareVersions(clientMax, SERVER_MAX_VERSION) < 0 ? clientMax : SERVER_MAX_VERSION };
}
