/**
 * Every configuration option once: its key in a config file, its environment variable and its flag are all
 * derived from this table, so the three sources can never drift apart.
 */
export type OptionType = 'string' | 'integer' | 'boolean' | 'url' | 'list' | 'enum';

export interface OptionSpec {
  /** Dotted path in the config file, e.g. `irma.schemesPath`. */
  readonly key: string;
  readonly type: OptionType;
  readonly description: string;
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** Never printed back (e.g. in `nutshell config`). */
  readonly secret?: boolean;
}

export const options = [
  { key: 'port', type: 'integer', min: 0, max: 65535, description: 'TCP port of the HTTP interface (default 1323)' },
  { key: 'host', type: 'string', description: 'Address to listen on (default 127.0.0.1)' },
  { key: 'publicUrl', type: 'url', description: 'Public base URL (default http://localhost:<port>)' },
  { key: 'datadir', type: 'string', description: 'Directory for keys, DIDs, credentials and schemes (default ./data)' },
  { key: 'strictmode', type: 'boolean', description: 'Production mode: refuse the dummy means and insecure settings (default false)' },
  { key: 'sessionStore', type: 'enum', values: ['memory', 'redis'], description: 'Where sessions live (default memory)' },
  { key: 'redisUrl', type: 'url', secret: true, description: 'Redis URL when sessionStore is redis (default redis://127.0.0.1:6379)' },
  { key: 'redisPrefix', type: 'string', description: 'Key prefix in Redis (default nutshell:)' },
  { key: 'means', type: 'list', values: ['dummy', 'irma', 'uzi'], description: 'Signing means offered (default dummy,irma; irma in strict mode)' },
  { key: 'contract.validityMinutes', type: 'integer', min: 1, max: 10080, description: 'Default validity of a drawn-up contract in minutes (default 60)' },
  { key: 'contract.clockSkewSeconds', type: 'integer', min: 0, max: 3600, description: 'Allowed clock skew in seconds (default 5)' },
  { key: 'keystore.passphrase', type: 'string', secret: true, description: 'Passphrase that encrypts private keys at rest (required in strict mode)' },
  { key: 'irma.prefix', type: 'string', description: 'Path prefix of the IRMA client protocol (default /irma)' },
  { key: 'irma.schemesPath', type: 'string', description: 'IRMA schemes directory (default <datadir>/irma)' },
  { key: 'irma.schemesAssetsPath', type: 'string', description: 'Schemes copied into schemesPath on first start' },
  { key: 'irma.schemesUpdate', type: 'integer', min: 0, max: 100000, description: 'Minutes between scheme updates, 0 = off (default 60)' },
  { key: 'irma.workers', type: 'integer', min: 0, max: 64, description: 'Worker threads verifying IRMA proofs off the event loop, 0 = in the main thread (default: cores)' },
  { key: 'irma.timestampKeys', type: 'list', description: 'Trusted Atum timestamp Ed25519 public keys (base64)' },
  { key: 'log.level', type: 'enum', values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], description: 'Log level (default info)' },
] as const satisfies readonly OptionSpec[];

export type OptionKey = (typeof options)[number]['key'];

/** `irma.schemesPath` → `NUTSHELL_IRMA_SCHEMES_PATH`. */
export function envName(key: string): string {
  return 'NUTSHELL_' + key.replace(/\./g, '_').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** `irma.schemesPath` → `--irma-schemes-path`. */
export function flagName(key: string): string {
  return '--' + key.replace(/\./g, '-').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
