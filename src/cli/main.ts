import 'reflect-metadata';
import { processIo } from './cli-io';
import { runCli } from './program';

// Exits explicitly: a config may leave handles open (timers, pools it did not hand to the adapter).
runCli(process.argv.slice(2), processIo()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${(error as Error)?.message ?? String(error)}\n`);
    process.exit(1);
  },
);
