import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { NutshellError } from '#errors';
import type { MeansName, NodeConfig } from './node-config.js';
import { envName, flagName, options, type OptionSpec } from './options.js';
import { readConfigFile, readEnv, readFlags, type RawValues } from './sources.js';

export interface LoadConfigInput {
  readonly argv?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Base for relative paths; defaults to the current directory. */
  readonly cwd?: string;
}

type Typed = string | number | boolean | string[];

/** Builds the node configuration from flags > env > config file > defaults; throws CONFIG_INVALID with a clear message. */
export function loadConfig(input: LoadConfigInput = {}): NodeConfig {
  const cwd = input.cwd ?? process.cwd();
  const flags = readFlags(input.argv ?? []);
  const env = readEnv(input.env ?? process.env);
  const defaultFile = ['nutshell.yaml', 'nutshell.yml', 'nutshell.json'].map((f) => join(cwd, f)).find((f) => existsSync(f));
  const configFile = flags.configFile ?? env.configFile ?? defaultFile;
  const file: RawValues = configFile ? readConfigFile(isAbsolute(configFile) ? configFile : resolve(cwd, configFile)) : new Map();

  const raw = new Map<string, { value: unknown; source: string }>();
  for (const [k, v] of file) raw.set(k, { value: v, source: `config file option '${k}'` });
  for (const [k, v] of env.values) raw.set(k, { value: v, source: envName(k) });
  for (const [k, v] of flags.values) raw.set(k, { value: v, source: flagName(k) });

  const typed = new Map<string, Typed>();
  for (const spec of options as readonly OptionSpec[]) {
    const entry = raw.get(spec.key);
    if (entry !== undefined) typed.set(spec.key, coerce(spec, entry.value, entry.source));
  }
  return finish(typed, cwd);
}

function coerce(spec: OptionSpec, value: unknown, source: string): Typed {
  const fail = (why: string): never => {
    throw new NutshellError('CONFIG_INVALID', `${source}: ${why}`);
  };
  switch (spec.type) {
    case 'integer': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
      if (!Number.isSafeInteger(n)) fail(`expected a whole number, got '${String(value)}'`);
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) fail(`must be between ${spec.min} and ${spec.max}, got ${n}`);
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const s = String(value).trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(s)) return true;
      if (['false', '0', 'no', 'off'].includes(s)) return false;
      return fail(`expected true or false, got '${String(value)}'`);
    }
    case 'url': {
      if (typeof value !== 'string') return fail('expected a URL');
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return fail(`'${redactUrl(value)}' is not a valid URL`);
      }
      if (spec.key === 'publicUrl' && !['http:', 'https:'].includes(url.protocol)) fail('must be an http or https URL');
      if (spec.key === 'redisUrl' && !['redis:', 'rediss:'].includes(url.protocol)) fail('must be a redis:// or rediss:// URL');
      return value.replace(/\/+$/, '');
    }
    case 'enum': {
      const s = String(value).trim();
      if (!spec.values!.includes(s)) fail(`must be one of ${spec.values!.join(', ')}, got '${s}'`);
      return s;
    }
    case 'list': {
      const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
      const list = items.map((s) => s.trim()).filter((s) => s !== '');
      if (spec.values) for (const s of list) if (!spec.values.includes(s.toLowerCase())) fail(`unknown value '${s}', expected some of ${spec.values.join(', ')}`);
      return spec.values ? list.map((s) => s.toLowerCase()) : list;
    }
    case 'string':
      if (typeof value !== 'string' && typeof value !== 'number') fail('expected a string');
      return String(value);
  }
}

function finish(v: Map<string, Typed>, cwd: string): NodeConfig {
  const get = <T extends Typed>(key: string, fallback: T): T => (v.has(key) ? (v.get(key) as T) : fallback);
  const port = get('port', 1323);
  const strictMode = get('strictmode', false);
  const datadir = resolve(cwd, get('datadir', './data'));
  const publicUrl = get('publicUrl', `http://localhost:${port}`);
  const means = get<string[]>('means', strictMode ? ['irma'] : ['dummy', 'irma']) as MeansName[];
  const passphrase = v.has('keystore.passphrase') ? String(v.get('keystore.passphrase')) : undefined;
  const prefix = '/' + get('irma.prefix', '/irma').replace(/^\/+|\/+$/g, '');

  if (prefix === '/') throw new NutshellError('CONFIG_INVALID', `${envName('irma.prefix')}: must not be empty`);
  if (strictMode) {
    const problems: string[] = [];
    if (means.includes('dummy')) problems.push(`the dummy means is not allowed (${envName('means')})`);
    if (!publicUrl.startsWith('https://')) problems.push(`${envName('publicUrl')} must be an https URL`);
    if (passphrase === undefined || passphrase.length < 12) problems.push(`${envName('keystore.passphrase')} must be set (12 characters or more)`);
    if (problems.length > 0) throw new NutshellError('CONFIG_INVALID', `strict mode refuses this configuration: ${problems.join('; ')}`);
  }
  const storeKind = get<string>('sessionStore', 'memory');
  return {
    port,
    host: get('host', '127.0.0.1'),
    publicUrl,
    datadir,
    strictMode,
    sessionStore:
      storeKind === 'redis'
        ? { kind: 'redis', url: get('redisUrl', 'redis://127.0.0.1:6379'), keyPrefix: get('redisPrefix', 'nutshell:') }
        : { kind: 'memory' },
    means: [...new Set(means)],
    contract: { defaultValidityMinutes: get('contract.validityMinutes', 60), clockSkewSeconds: get('contract.clockSkewSeconds', 5) },
    keystore: { passphrase },
    irma: {
      prefix,
      schemesPath: resolve(cwd, get('irma.schemesPath', join(datadir, 'irma'))),
      schemesAssetsPath: v.has('irma.schemesAssetsPath') ? resolve(cwd, String(v.get('irma.schemesAssetsPath'))) : undefined,
      schemesUpdateMinutes: get('irma.schemesUpdate', 60),
      workers: get('irma.workers', availableParallelism()),
      trustedTimestampKeys: get<string[]>('irma.timestampKeys', []),
    },
    log: { level: get('log.level', 'info') as NodeConfig['log']['level'] },
  };
}

/** Removes credentials from a URL before it appears in a message. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
