import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { SecondaryStorage } from '../core/secondary-storage';

/** One dependency's state: answering, or not within the probe's time. */
export interface DependencyHealth {
  status: 'up' | 'down';
  /** How long the probe took, in milliseconds (the timeout when it gave up). */
  latencyMs: number;
  /** Why it is down: the error's class or `timeout`; never its message (it may carry a connection string). */
  error?: string;
}

/**
 * What `auth.health()` and `GET /health` answer, for readiness probes:
 * - `up`: the database and the secondary storage (when there is one) answer;
 * - `degraded`: the database answers but the secondary storage does not: sessions are served from the
 *   database (slower, still correct), so the instance stays ready;
 * - `down`: the database does not answer: no sign-in or session lookup can succeed.
 */
export interface HealthReport {
  status: 'up' | 'degraded' | 'down';
  checks: { database: DependencyHealth; secondaryStorage?: DependencyHealth };
}

/** The settings of `AuthConfig.health`. */
export interface HealthOptions {
  /** Mount `GET <basePath>/health` (default `false`): 200 when up or degraded, 503 when down. */
  route?: boolean;
  /** How long each probe may take before it counts as down (default 2000 ms). */
  timeoutMs?: number;
}

// A token digest no session has (digests are 64 hex characters): the lookup runs the real query and finds nothing.
const PROBE_DIGEST = '0'.repeat(64);
const PROBE_KEY = 'health:probe';

/**
 * Probes the database (one indexed session lookup) and the secondary storage (one `get`) at once, each
 * within `timeoutMs`, and reports them; never throws.
 * @example
 * const report = await checkHealth(db, storage, 2000); // { status: 'degraded', checks: { database: { status: 'up', … }, … } }
 */
export async function checkHealth(db: DatabaseAdapter, storage: SecondaryStorage | null, timeoutMs: number): Promise<HealthReport> {
  const [database, secondaryStorage] = await Promise.all([
    probe(() => db.getSessionByToken(PROBE_DIGEST), timeoutMs),
    storage ? probe(() => storage.get(PROBE_KEY), timeoutMs) : Promise.resolve(undefined),
  ]);
  const status = database.status === 'down' ? 'down' : secondaryStorage?.status === 'down' ? 'degraded' : 'up';
  return { status, checks: secondaryStorage ? { database, secondaryStorage } : { database } };
}

async function probe(call: () => Promise<unknown>, timeoutMs: number): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
    timer.unref();
  });
  try {
    const outcome = await Promise.race([call().then(() => 'answered' as const), timeout]);
    const latencyMs = Math.round(performance.now() - started);
    return outcome === 'answered' ? { status: 'up', latencyMs } : { status: 'down', latencyMs, error: 'timeout' };
  } catch (error) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.constructor.name : 'Error' };
  } finally {
    clearTimeout(timer);
  }
}
