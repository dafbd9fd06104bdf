import { execFile } from 'node:child_process';

/** How a client script ended: its exit code and what it printed. */
export interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the `.mjs` scripts that drive better-auth's official client (ESM-only, so not loadable under
 * Jest's CommonJS registry) against `baseURL`, with extra environment variables, and never rejects.
 */
export function runClientScript(script: string, baseURL: string, args: string[] = [], env: Record<string, string> = {}): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { env: { ...process.env, BASE_URL: baseURL, ...env }, timeout: 25_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
