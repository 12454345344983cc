/**
 * `nutshell irma verify`: checks a disclosure or an attribute-based signature offline against the
 * schemes in a folder and prints the session-result JSON (`proofStatus`, `disclosed`).
 *
 *   nutshell irma verify --schemes DIR [--request FILE] [--trust-timestamp-key KEY]... FILE|-
 *
 * Exit codes: 0 VALID, 1 any other proof status, 2 bad usage or unreadable input.
 * Atum timestamp keys are never looked up online; only keys given with --trust-timestamp-key
 * (base64 or hex Ed25519) are trusted, so a timestamped signature without one is INVALID_TIMESTAMP.
 */
import { readFile, stat } from 'node:fs/promises';
import { isNutshellError } from '#errors';
import { parseExtendedSessionRequest, parseSessionRequest } from '../request/parse-session-request.js';
import type { DisclosureRequest, SessionRequest, SignatureRequest } from '../request/types.js';
import { IrmaConfiguration } from '../scheme/configuration.js';
import { trustedTimestampKeys, type TrustedTimestampKeys } from '../timestamp/trusted-keys.js';
import { asJsonObject, goField } from '../verify/go-json.js';
import type { VerificationResult } from '../verify/types.js';
import { verifyDisclosure } from '../verify/verify-disclosure.js';
import { verifySignedMessage } from '../verify/verify-signed-message.js';

/** Where the command writes; `process.stdout`/`process.stderr` fit. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  /** Read when FILE is `-`; defaults to process.stdin. */
  readonly stdin?: AsyncIterable<Buffer | string>;
}

/** Exit statuses of `runIrmaVerify`. */
export const EXIT = { valid: 0, notValid: 1, usage: 2 } as const;

const USAGE = `usage: nutshell irma verify --schemes DIR [--request FILE] [--trust-timestamp-key KEY]... FILE
  FILE                       disclosure ({"proofs":[…],"indices":[…]} or a bare proof list) or SignedMessage; - for stdin
  --schemes DIR              irma_configuration folder with the (signed) schemes
  --request FILE             session request to verify against (must carry the session's nonce and context)
  --trust-timestamp-key KEY  pinned Atum Ed25519 public key, base64 or hex; repeatable (no online lookup is done)
exit status: 0 VALID, 1 other proof status, 2 bad usage or unreadable input
`;

interface Options {
  readonly schemes: string;
  readonly request?: string;
  readonly timestampKeys: string[];
  readonly file: string;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options | 'help' {
  let schemes: string | undefined;
  let request: string | undefined;
  const timestampKeys: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return 'help';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      return value;
    };
    switch (name) {
      case '--schemes':
        schemes = takeValue();
        break;
      case '--request':
        request = takeValue();
        break;
      case '--trust-timestamp-key':
        timestampKeys.push(takeValue());
        break;
      default:
        if (arg.startsWith('--') || (arg.startsWith('-') && arg !== '-')) throw new UsageError(`unknown option ${name}`);
        files.push(arg);
    }
  }
  if (schemes === undefined) throw new UsageError('--schemes DIR is required');
  if (files.length !== 1) throw new UsageError('exactly one input FILE is required');
  return { schemes, ...(request !== undefined ? { request } : {}), timestampKeys, file: files[0]! };
}

async function readInput(file: string, io: CliIo): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin ?? process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(file: string, what: string, io: CliIo): Promise<unknown> {
  let text: string;
  try {
    text = await readInput(file, io);
  } catch {
    throw new UsageError(`cannot read ${what} ${file}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(`${what} ${file} is not JSON`);
  }
}

function parseRequest(json: unknown): SessionRequest {
  try {
    const object = asJsonObject(json);
    return object !== undefined && 'request' in object ? parseExtendedSessionRequest(json).request : parseSessionRequest(json);
  } catch (error) {
    const detail = isNutshellError(error) ? error.detail : 'unreadable session request';
    throw new UsageError(`invalid session request: ${detail}`);
  }
}

async function loadSchemes(dir: string, io: CliIo): Promise<IrmaConfiguration> {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) throw new UsageError(`schemes folder ${dir} does not exist`);
  let configuration: IrmaConfiguration;
  try {
    configuration = await IrmaConfiguration.load({ schemesPath: dir, strict: false });
  } catch (error) {
    const detail = isNutshellError(error) ? error.detail : 'the schemes could not be read';
    throw new UsageError(`cannot load schemes: ${detail}`);
  }
  for (const disabled of configuration.disabledSchemes()) io.stderr.write(`warning: scheme ${disabled.id} skipped: ${disabled.detail}\n`);
  if (configuration.schemes().length === 0) throw new UsageError(`no usable scheme in ${dir}`);
  return configuration;
}

type InputKind = 'signature' | 'disclosure';

function inputKind(json: unknown): InputKind | undefined {
  if (Array.isArray(json)) return 'disclosure';
  const object = asJsonObject(json);
  if (object === undefined) return undefined;
  if (goField(object, 'signature') !== undefined) return 'signature';
  if (goField(object, 'proofs') !== undefined) return 'disclosure';
  return undefined;
}

async function verify(
  kind: InputKind,
  input: unknown,
  request: SessionRequest | undefined,
  configuration: IrmaConfiguration,
  trusted: TrustedTimestampKeys,
): Promise<VerificationResult> {
  if (kind === 'signature') {
    if (request !== undefined && request.type !== 'signing') throw new UsageError('a signed message needs a signature request');
    return verifySignedMessage({
      signedMessage: input,
      ...(request !== undefined ? { request: request as SignatureRequest } : {}),
      configuration,
      trustedTimestampKeys: trusted,
    });
  }
  if (request !== undefined && request.type !== 'disclosing') throw new UsageError('a disclosure needs a disclosure request');
  return verifyDisclosure({ body: input, ...(request !== undefined ? { request: request as DisclosureRequest } : {}), configuration });
}

/** Runs `nutshell irma verify` with the arguments after `verify`; resolves to the exit status. */
export async function runIrmaVerify(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const options = parseArgs(argv);
    if (options === 'help') {
      io.stdout.write(USAGE);
      return EXIT.valid;
    }
    let trusted: TrustedTimestampKeys;
    try {
      trusted = trustedTimestampKeys(options.timestampKeys);
    } catch (error) {
      throw new UsageError(isNutshellError(error) ? error.detail : 'invalid --trust-timestamp-key');
    }
    const input = await readJson(options.file, 'input', io);
    const kind = inputKind(input);
    if (kind === undefined) throw new UsageError('input is neither a disclosure nor a signed message');
    const request = options.request === undefined ? undefined : parseRequest(await readJson(options.request, 'request', io));
    const configuration = await loadSchemes(options.schemes, io);
    const result = await verify(kind, input, request, configuration, trusted);
    io.stdout.write(`${JSON.stringify({ proofStatus: result.proofStatus, disclosed: result.disclosed }, null, 2)}\n`);
    if (result.failure !== undefined) io.stderr.write(`reason: ${result.failure}\n`);
    if (result.proofStatus === 'INVALID_TIMESTAMP' && trusted.size === 0) {
      io.stderr.write('note: no --trust-timestamp-key given; timestamped signatures cannot be trusted offline\n');
    }
    return result.proofStatus === 'VALID' ? EXIT.valid : EXIT.notValid;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`nutshell irma verify: ${error.message}\n${error.message.startsWith('unknown option') ? USAGE : ''}`);
      return EXIT.usage;
    }
    // Unexpected failures are reported without a stack trace; the message carries no input data.
    io.stderr.write(`nutshell irma verify: internal error (${error instanceof Error ? error.name : 'unknown'})\n`);
    return EXIT.usage;
  }
}
