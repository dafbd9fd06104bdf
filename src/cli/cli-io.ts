import { createInterface } from 'node:readline/promises';

/** Where the CLI writes and how it asks; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Whether a person can answer a question (stdin is a terminal). */
  readonly interactive: boolean;
  /** Asks a yes/no question; anything but y/yes is no. */
  confirm(question: string): Promise<boolean>;
  readonly cwd: string;
}

/** A failure the CLI reports as one line and a non-zero exit code, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The process's terminal. */
export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interactive: Boolean(process.stdin.isTTY),
    cwd: process.cwd(),
    confirm: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
      } finally {
        rl.close();
      }
    },
  };
}
