/**
 * @file Typed errors with stable codes and exit codes. The CLI prints `lgo: <message>` (and a
 * hint when there is one) and exits with `exitCode`; nothing else prints a stack trace.
 */

/** Base class: every error the tool raises on purpose. */
export class LgoError extends Error {
  readonly code: string;
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(code: string, message: string, opts: { exitCode?: number; hint?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = opts.exitCode ?? 1;
    this.hint = opts.hint;
  }
}

/** The call itself is wrong (bad option value, missing argument): exit 2. */
export class UsageError extends LgoError {
  constructor(message: string, opts: { hint?: string; code?: string } = {}) {
    super(opts.code ?? 'usage', message, { exitCode: 2, hint: opts.hint });
  }
}

/** The input is not an Ombudsman decision at all (empty, cookie wall, error page, listing). */
export class NotADecisionError extends LgoError {
  constructor(message: string, opts: { code?: string } = {}) {
    super(opts.code ?? 'not-a-decision', message, { exitCode: 1 });
  }
}

/** A decision that could not be read into a valid record. */
export class ParseError extends LgoError {
  constructor(message: string, opts: { cause?: unknown; code?: string } = {}) {
    super(opts.code ?? 'parse-failed', message, { exitCode: 1, cause: opts.cause });
  }
}

/** The corpus store is missing, of another schema version, or unusable: the fix is `lgo build`. */
export class StoreError extends LgoError {
  constructor(message: string, opts: { hint?: string; code?: string; cause?: unknown; exitCode?: number } = {}) {
    super(opts.code ?? 'store', message, { exitCode: opts.exitCode ?? 1, hint: opts.hint ?? 'run `lgo build`', cause: opts.cause });
  }
}

/** A file or URL could not be read. */
export class InputError extends LgoError {
  constructor(message: string, opts: { cause?: unknown; code?: string; hint?: string } = {}) {
    super(opts.code ?? 'input', message, { exitCode: 1, cause: opts.cause, ...(opts.hint === undefined ? {} : { hint: opts.hint }) });
  }
}
