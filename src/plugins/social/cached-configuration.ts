import type { Configuration } from 'openid-client';
import { ProviderError } from './provider';

/** How long a discovered configuration is trusted before it is fetched again (keys rotate; endpoints rarely move). */
const DEFAULT_TTL_MS = 60 * 60 * 1000;

/**
 * A provider's configuration, discovered once and shared by every request until it is `ttlMs` old. A failed
 * discovery is not cached, so the next sign-in tries again instead of failing for an hour. The signing keys
 * themselves are cached (and re-fetched on an unknown `kid`) by openid-client inside the configuration.
 *
 * A failed discovery (issuer down, refused, not JSON, or `http://` without `allowInsecureRequests`) becomes a
 * `ProviderError('provider_unreachable')`: the routes answer it as the provider's fault, not ours. Only the
 * first failure after a success comes out unlogged, so an outage is logged once, not once per sign-in.
 */
export class CachedConfiguration {
  private pending: Promise<Configuration> | undefined;
  private fetchedAt = 0;
  private failing = false;

  constructor(
    private readonly load: () => Promise<Configuration>,
    private readonly ttlMs = DEFAULT_TTL_MS,
  ) {}

  get(now = Date.now()): Promise<Configuration> {
    if (!this.pending || now - this.fetchedAt > this.ttlMs) {
      this.fetchedAt = now;
      this.pending = this.load().then(
        (configuration) => {
          this.failing = false;
          return configuration;
        },
        (error: unknown) => {
          this.pending = undefined;
          const unreachable = new ProviderError('provider_unreachable', describeFailure(error));
          unreachable.logged = this.failing;
          this.failing = true;
          throw unreachable;
        },
      );
    }
    return this.pending;
  }
}

/** The error and its causes (fetch nests the network code: `fetch failed` ← `ECONNREFUSED`), without a stack. */
function describeFailure(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 4; depth += 1) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    parts.push([code, message ?? String(current)].filter((part) => typeof part === 'string' && part !== '').join(': '));
    current = cause;
  }
  return parts.join(' ← ');
}
