import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** What a bench server announced on its `READY {json}` line. */
export interface ReadyInfo {
  port: number;
  /** `better-auth.session_token=…` for the bench user, when the server has one. */
  cookie?: string;
  [key: string]: unknown;
}

export interface ServerSpec {
  /** A `.ts` file runs under tools/register-typescript.cjs (SWC) with tsconfig-paths; a `.mjs` one under plain node. */
  file: string;
  args?: string[];
  /** Extra flags for node itself, e.g. `--max-old-space-size=8192`. */
  nodeFlags?: string[];
  /** How long start-up may take (population of a million sessions takes a while). */
  startTimeoutMs?: number;
  /** The checkout to run it from (default: this one), e.g. a worktree of an earlier commit for `--baseline`. */
  cwd?: string;
  /** Variables added to the server's environment (see servers/protocol.cjs for the ones servers read). */
  env?: Record<string, string>;
}

export interface RunningServer {
  info: ReadyInfo;
  url(path: string): string;
  stop(): Promise<void>;
}

/** A server that chose not to run, with its reason (`SKIP <reason>`), e.g. an adapter not in the tree yet. */
export interface SkippedServer {
  skipped: string;
}

/**
 * Starts a bench server in its own process, so the load generator never shares an event loop (or a garbage
 * collector) with the server it measures, and resolves once it prints `READY {json}` or `SKIP <reason>`.
 */
export function startServer(spec: ServerSpec): Promise<RunningServer | SkippedServer> {
  const loader = spec.file.endsWith('.ts') ? ['-r', './tools/register-typescript.cjs', '-r', 'tsconfig-paths/register'] : [];
  // BENCH_CPU_PROF=<dir> profiles every server (item 5 of the issue): open the .cpuprofile files in Chrome DevTools.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...(spec.nodeFlags ?? []), ...profile, ...loader, spec.file, ...(spec.args ?? [])], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: spec.cwd,
    env: spec.env ? { ...process.env, ...spec.env } : undefined,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${spec.file} did not get ready within ${spec.startTimeoutMs ?? 60_000} ms`));
    }, spec.startTimeoutMs ?? 60_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${spec.file} ${spec.args?.join(' ') ?? ''} exited with ${code} before it was ready`));
    };
    child.once('exit', onExit);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = /^READY (\{.*\})$/.exec(line);
      const skip = /^SKIP (.*)$/.exec(line);
      if (!ready && !skip) return void process.stderr.write(`  [${spec.file}] ${line}\n`);
      clearTimeout(timer);
      child.off('exit', onExit);
      if (skip) resolve({ skipped: skip[1] });
      else {
        const info = JSON.parse(ready![1]) as ReadyInfo;
        resolve({ info, url: (path) => `http://127.0.0.1:${info.port}${path}`, stop: () => stopChild(child) });
      }
    });
  });
}

export function isSkipped(server: RunningServer | SkippedServer): server is SkippedServer {
  return 'skipped' in server;
}

/** Ends the child and waits for it to go, so the next server measured has both cores to itself. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
