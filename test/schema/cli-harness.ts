import { join } from 'node:path';
import type { CliIo } from '../../src/cli/cli-io';
import { runCli } from '../../src/cli/program';

export const CONFIG = join(__dirname, 'fixtures', 'cli-auth.config.ts');

/** One CLI run in-process: its exit code and what it printed. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI with `env` set for the run (the config reads it), answering prompts with `answer`. */
export async function cli(argv: string[], options: { env?: Record<string, string | undefined>; interactive?: boolean; answer?: boolean } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    interactive: options.interactive ?? false,
    confirm: async () => options.answer ?? false,
    cwd: process.cwd(),
  };
  const saved = Object.fromEntries(Object.keys(options.env ?? {}).map((key) => [key, process.env[key]]));
  Object.assign(process.env, options.env);
  for (const [key, value] of Object.entries(options.env ?? {})) if (value === undefined) delete process.env[key];
  try {
    const code = await runCli(argv, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
