import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '../..');

/** A Nest app listening in a child process (NestJS 12 is ES modules only, which jest's loader cannot load). */
export interface NestServer {
  /** The server's origin, e.g. `http://127.0.0.1:41907`. */
  origin: string;
  stop(): Promise<void>;
}

/** Starts nest-server.ts on a platform, with a global prefix and optionally a base path of its own. */
export function startNestServer(platform: 'express' | 'fastify', prefix: string, basePath?: string): Promise<NestServer> {
  return startTypeScriptServer('test/nest/nest-server.ts', [platform, prefix, ...(basePath ? [basePath] : [])], {}, /^READY (\d+)$/);
}

/** Starts a TypeScript server script in a child process; resolves once it prints a line matching `ready` (capturing the port). */
export function startTypeScriptServer(script: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<NestServer> {
  const child = spawn(process.execPath, ['-r', './tools/register-typescript.cjs', '-r', 'tsconfig-paths/register', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => errors.push(line));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${errors.join('\n')}`)), 90_000);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${errors.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = ready.exec(line);
      if (!match) return;
      clearTimeout(timer);
      resolve({ origin: `http://127.0.0.1:${match[1]}`, stop: () => stopChild(child) });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
