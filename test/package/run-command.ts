import { execFile } from 'node:child_process';

/** What a finished command printed. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment for npm and node children: `npm test` exports `npm_config_*` / `npm_package_*` variables
 * describing this repository (its prefix, its lifecycle), and an `npm install` that inherited them could act on
 * the repository instead of the temporary app. Only the cache and registry settings are kept.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const kept = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || kept.has(key.toLowerCase())));
  delete env.INIT_CWD;
  return { ...env, ...extra };
}

/** Runs a command; rejects with everything it printed when it exits non-zero, so a failing step explains itself. */
export function runCommand(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}
