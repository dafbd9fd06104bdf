import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A test server running in a child process on a loopback port. */
export interface RunningServer {
  /** Its origin (the issuer, for the OpenID provider). */
  readonly url: string;
  stop(): Promise<void>;
  /** POSTs JSON to one of its `/__test/*` hooks. */
  control(path: string, body: unknown): Promise<void>;
}

/**
 * Starts `servers/<script>` with `env` and resolves once it prints `READY <url>`. The servers are ESM (as
 * oidc-provider is) and run in their own process: the test talks to them only over HTTP, as the library would
 * to a real provider.
 */
export function startServer(script: string, env: Record<string, string>): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${output}`)), 15_000);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${output}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      const url = ready[1];
      resolve({
        url,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill();
          }),
        control: async (path, body) => {
          const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          if (!response.ok) throw new Error(`${path} answered ${response.status}`);
        },
      });
    });
  });
}
