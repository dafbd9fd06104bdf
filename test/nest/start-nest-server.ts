import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '../..');

/** A Nest app listening in a child process (see nest-server.ts). */
export interface NestServer {
  /** The server's origin, e.g. `http://127.0.0.1:41907`. */
  origin: string;
  stop(): Promise<void>;
}

/** Starts nest-server.ts on a platform, with a global prefix and optionally a base path of its own. */
export function startNestServer(platform: 'express' | 'fastify', prefix: string, basePath?: string): Promise<NestServer> {
  const child = spawn(
    process.execPath,
    ['-r', './bench/lib/register.cjs', '-r', 'tsconfig-paths/register', 'test/nest/nest-server.ts', platform, prefix, ...(basePath ? [basePath] : [])],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const errors: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => errors.push(line));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ${platform} Nest app did not start: ${errors.join('\n')}`)), 90_000);
    child.once('exit', (code) => reject(new Error(`the ${platform} Nest app exited with ${code}: ${errors.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = /^READY (\d+)$/.exec(line);
      if (!ready) return;
      clearTimeout(timer);
      resolve({ origin: `http://127.0.0.1:${ready[1]}`, stop: () => stopChild(child) });
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
