import type { Configuration } from 'openid-client';

/** How long a discovered configuration is trusted before it is fetched again (keys rotate; endpoints rarely move). */
const DEFAULT_TTL_MS = 60 * 60 * 1000;

/**
 * A provider's configuration, discovered once and shared by every request until it is `ttlMs` old. A failed
 * discovery is not cached, so the next sign-in tries again instead of failing for an hour. The signing keys
 * themselves are cached (and re-fetched on an unknown `kid`) by openid-client inside the configuration.
 */
export class CachedConfiguration {
  private pending: Promise<Configuration> | undefined;
  private fetchedAt = 0;

  constructor(
    private readonly load: () => Promise<Configuration>,
    private readonly ttlMs = DEFAULT_TTL_MS,
  ) {}

  get(now = Date.now()): Promise<Configuration> {
    if (!this.pending || now - this.fetchedAt > this.ttlMs) {
      this.fetchedAt = now;
      this.pending = this.load().catch((error: unknown) => {
        this.pending = undefined;
        throw error;
      });
    }
    return this.pending;
  }
}
