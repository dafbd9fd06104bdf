import { availableParallelism } from 'node:os';
import type { PasswordHasher } from '../crypto/password-hasher';
import { AuthError } from '../errors/auth-error';
import { telemetry } from '../observability/telemetry';

type HashOperation = 'hash' | 'verify';
// Built once: the metric attributes of each operation, so recording allocates nothing.
const OPERATION_ATTRIBUTES = { hash: Object.freeze({ 'auth.password.operation': 'hash' }), verify: Object.freeze({ 'auth.password.operation': 'verify' }) };

/** How many hashes run at once and how many may wait (`AuthConfig.passwordHashing`). */
export interface PasswordHashingLimits {
  /**
   * Hashes computed at once. Default: one core fewer than the machine has (at least 1, at most 4, the size of
   * Node's thread pool, which scrypt runs on), so hashing never takes the core the event loop needs to serve
   * session reads: measured by `npm run bench -- --only flood`, where 4 on a 2-core machine starved get-session.
   */
  maxConcurrent?: number;
  /**
   * Hashes that may wait for a turn (default 256, so a burst of sign-ups queues rather than fails); past that a
   * request answers 503 with `Retry-After`. The queue costs the event loop nothing while it waits: keeping
   * session reads fast is `maxConcurrent`'s job.
   */
  maxQueued?: number;
}

function defaultConcurrency(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

/**
 * Puts a bound on password hashing so a flood of sign-ins cannot take the thread pool (and everything else
 * queued on it) hostage: at most `maxConcurrent` hashes run, at most `maxQueued` wait, and the rest are
 * refused at once with 503 `SERVICE_UNAVAILABLE` and `Retry-After`, instead of waiting seconds each.
 */
export class BoundedHasher implements PasswordHasher {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly maxConcurrent: number;
  private readonly maxQueued: number;

  constructor(
    private readonly inner: PasswordHasher,
    limits: PasswordHashingLimits = {},
  ) {
    this.maxConcurrent = limits.maxConcurrent ?? defaultConcurrency();
    this.maxQueued = limits.maxQueued ?? 256;
    if (!(this.maxConcurrent >= 1 && this.maxQueued >= 0)) throw new TypeError('passwordHashing: need maxConcurrent >= 1 and maxQueued >= 0.');
  }

  /**
   * Refuses with 503 now if a hash could not even wait for its turn, so a flow can stop before its database
   * lookups: during a flood, refused requests should cost the event loop as little as possible.
   */
  refuseWhenFull(): void {
    if (this.running >= this.maxConcurrent && this.waiting.length >= this.maxQueued) throw this.busy();
  }

  hash(password: string): Promise<string> {
    return this.inTurn('hash', () => this.inner.hash(password));
  }

  verify(hash: string, password: string): Promise<boolean> {
    return this.inTurn('verify', () => this.inner.verify(hash, password));
  }

  /**
   * Runs one hash in its turn, in a span `auth.password.<operation>` with `auth.password.queue_wait_ms` and
   * `auth.password.hash_ms` (the two halves an on-call engineer needs apart), and records the queue depth, the
   * wait and the hash time as metrics. The password never leaves `work`.
   */
  private async inTurn<T>(operation: HashOperation, work: () => Promise<T>): Promise<T> {
    const span = telemetry.startSpan(`auth.password.${operation}`);
    const instruments = telemetry.metrics();
    const started = span || instruments ? performance.now() : 0;
    if (this.running >= this.maxConcurrent) {
      if (this.waiting.length >= this.maxQueued) {
        span?.setAttribute('error.type', 'SERVICE_UNAVAILABLE');
        span?.end();
        throw this.busy();
      }
      instruments?.hashQueueDepth.add(1);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      instruments?.hashQueueDepth.add(-1);
    } else {
      this.running += 1;
    }
    const running = span || instruments ? performance.now() : 0;
    try {
      return await work();
    } finally {
      if (span || instruments) this.observe(operation, span, instruments, running - started, performance.now() - running);
      // The turn passes straight to the next waiter (running stays the same), or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  private observe(operation: HashOperation, span: ReturnType<typeof telemetry.startSpan>, instruments: ReturnType<typeof telemetry.metrics>, waitedMs: number, hashedMs: number): void {
    instruments?.hashQueueWait.record(waitedMs / 1000, OPERATION_ATTRIBUTES[operation]);
    instruments?.hashDuration.record(hashedMs / 1000, OPERATION_ATTRIBUTES[operation]);
    if (!span) return;
    span.setAttributes({ 'auth.password.operation': operation, 'auth.password.queue_wait_ms': waitedMs, 'auth.password.hash_ms': hashedMs });
    span.end();
  }

  private busy(): AuthError {
    return new AuthError('SERVICE_UNAVAILABLE', undefined, undefined, { retryAfterSeconds: 1 });
  }
}
