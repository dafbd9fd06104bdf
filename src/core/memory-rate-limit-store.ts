import type { RateLimitStore } from './rate-limit-rules';

// Expired windows are swept this often (in hits), so a flood of distinct keys cannot grow the map for ever.
const SWEEP_EVERY = 1_000;

/**
 * Fixed-window counters in this process's memory: right for one process. Several processes behind a load
 * balancer each count alone (a client gets `max` per process), so they need a shared store (Redis).
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private hitsSinceSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowSeconds: number): Promise<{ count: number; resetInSeconds: number }> {
    const now = this.now();
    if (++this.hitsSinceSweep >= SWEEP_EVERY) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetInSeconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)) };
  }

  /** How many windows are held (for tests of the sweep). */
  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    this.hitsSinceSweep = 0;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
