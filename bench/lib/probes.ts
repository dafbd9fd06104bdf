import { CPU_PATH, LOOP_PATH } from '../servers/protocol.cjs';

/** Event-loop delay the server saw since the previous read, in ms. */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/** Reads (and resets) the server's event-loop delay histogram. */
export async function readLoopDelay(baseUrl: string): Promise<LoopDelay> {
  return (await (await fetch(`${baseUrl}${LOOP_PATH}`)).json()) as LoopDelay;
}

/**
 * Waits until the server has used under 5% of a core for 300 ms: autocannon ends a run by dropping its
 * connections, but password hashes already queued keep the thread pool busy for a while, and the next
 * run must not pay for them.
 */
export async function waitUntilIdle(baseUrl: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let previous = await cpuMicros(baseUrl);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = await cpuMicros(baseUrl);
    if (now - previous < 300_000 * 0.05) return;
    previous = now;
  }
  throw new Error(`the server at ${baseUrl} stayed busy for ${timeoutMs} ms after a run`);
}

/** CPU time the server process has used so far (µs), thread pool included. */
export async function cpuMicros(baseUrl: string): Promise<number> {
  return ((await (await fetch(`${baseUrl}${CPU_PATH}`)).json()) as { micros: number }).micros;
}
