import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { NutshellError } from '#errors';
import { envName, flagName, options } from './options.js';

/** Raw values by option key, still strings (env, flags) or whatever the file held. */
export type RawValues = Map<string, unknown>;

/** Reads `--flag value` and `--flag=value` pairs for known options; `--config` is handled separately. */
export function readFlags(argv: readonly string[]): { values: RawValues; configFile: string | undefined } {
  const values: RawValues = new Map();
  const byFlag = new Map<string, string>(options.map((o) => [flagName(o.key), o.key]));
  let configFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new NutshellError('CONFIG_INVALID', `unexpected argument '${arg}'`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    let value: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    const key = name === '--config' ? 'config' : byFlag.get(name);
    if (key === undefined) throw new NutshellError('CONFIG_INVALID', `unknown flag '${name}'`);
    if (value === undefined) {
      const isBoolean = options.some((o) => o.key === key && o.type === 'boolean');
      const next = argv[i + 1];
      if (isBoolean && (next === undefined || next.startsWith('--'))) value = 'true';
      else if (next === undefined) throw new NutshellError('CONFIG_INVALID', `flag '${name}' needs a value`);
      else value = argv[++i];
    }
    if (key === 'config') configFile = value;
    else values.set(key, value);
  }
  return { values, configFile };
}

/** Reads `NUTSHELL_*` variables for known options. */
export function readEnv(env: NodeJS.ProcessEnv): { values: RawValues; configFile: string | undefined } {
  const values: RawValues = new Map();
  for (const o of options) {
    const v = env[envName(o.key)];
    if (v !== undefined && v !== '') values.set(o.key, v);
  }
  return { values, configFile: env['NUTSHELL_CONFIGFILE'] || undefined };
}

/** Reads a YAML or JSON config file into option keys (nested objects become dotted keys). */
export function readConfigFile(path: string): RawValues {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new NutshellError('CONFIG_INVALID', `cannot read config file '${path}'`, { cause });
  }
  let doc: unknown;
  try {
    doc = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (cause) {
    throw new NutshellError('CONFIG_INVALID', `config file '${path}' is not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}`, { cause });
  }
  const values: RawValues = new Map();
  if (doc === null || doc === undefined) return values;
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new NutshellError('CONFIG_INVALID', `config file '${path}' must hold an object`);
  const known = new Set<string>(options.map((o) => o.key));
  const walk = (node: Record<string, unknown>, prefix: string): void => {
    for (const [k, v] of Object.entries(node)) {
      const key = prefix + k;
      if (known.has(key)) values.set(key, v);
      else if (v !== null && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>, key + '.');
      else throw new NutshellError('CONFIG_INVALID', `unknown option '${key}' in config file '${path}'`);
    }
  };
  walk(doc as Record<string, unknown>, '');
  return values;
}
