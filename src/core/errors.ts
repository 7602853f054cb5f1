/**
 * An error that is the user's to fix (a missing file, an empty article, a refused URL). The CLI
 * prints its message on one line and exits with `exitCode`; anything else is a bug.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A usage error (bad flag, bad date): exit code 2, as for command-line parsers. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}
