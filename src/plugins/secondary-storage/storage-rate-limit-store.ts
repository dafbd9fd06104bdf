import type { Logger } from '../../core/logger';
import type { RateLimitStore } from '../../core/rate-limit-rules';
import type { SecondaryStorage } from '../../core/secondary-storage';
// The in-memory counters are core's (as the store contract is), so this plugin needs nothing of the rate-limit plugin.
import { MemoryRateLimitStore } from '../../core/memory-rate-limit-store';

/**
 * Rate-limit counters in the secondary storage, so every process behind the load balancer counts together.
 * While the storage is away each process counts alone in its memory: limits stay in force (per process)
 * rather than failing every limited request.
 */
export class StorageRateLimitStore implements RateLimitStore {
  private readonly fallback = new MemoryRateLimitStore();
  private away = false;

  constructor(
    private readonly storage: SecondaryStorage,
    private readonly logger: Logger,
  ) {}

  async hit(key: string, windowSeconds: number): Promise<{ count: number; resetInSeconds: number }> {
    try {
      const { value, ttlSeconds } = await this.storage.increment(`rl:${key}`, windowSeconds);
      if (this.away) this.logger.warn('secondary storage reachable again: rate limits are counted there');
      this.away = false;
      return { count: value, resetInSeconds: ttlSeconds };
    } catch (error) {
      if (!this.away) this.logger.error(`secondary storage unreachable, rate limits are counted per process: ${error instanceof Error ? error.message : String(error)}`);
      this.away = true;
      return this.fallback.hit(key, windowSeconds);
    }
  }
}
