import { type ErrorCode, errorSpec } from './catalog.js';

export interface NutshellErrorOptions {
  /** The underlying error; logged, never sent to a client. */
  cause?: unknown;
  /** Extra machine-readable fields that may safely be shown to a client. */
  extra?: Record<string, unknown>;
}

/**
 * The one error base of nutshell. `detail` is shown to clients, so it must never
 * carry secrets, stack traces or personal data; put those in `cause`.
 */
export class NutshellError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;
  readonly extra: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, detail: string, options: NutshellErrorOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NutshellError';
    this.code = code;
    this.detail = detail;
    this.extra = options.extra;
  }

  /** HTTP status of this error. */
  get status(): number {
    return errorSpec(this.code).status;
  }

  /** Fixed title of this error's code. */
  get title(): string {
    return errorSpec(this.code).title;
  }
}

/** Narrowing helper that also works across duplicated module instances. */
export function isNutshellError(value: unknown): value is NutshellError {
  return value instanceof NutshellError || (value instanceof Error && value.name === 'NutshellError' && 'code' in value);
}
