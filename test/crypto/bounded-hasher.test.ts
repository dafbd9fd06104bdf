import { availableParallelism } from 'node:os';
import { BetterAuth, type PasswordHasher } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin } from 'better-auth-entities/plugins';
import { BoundedHasher } from '../../src/core/bounded-hasher';
import { appEntities } from '../../examples/entities';
import { call, ORIGIN, TEST_SECRET } from '../support/test-auth';

/** A hasher whose hashes finish only when the test says so, recording how many run at once. */
class GatedHasher implements PasswordHasher {
  running = 0;
  mostAtOnce = 0;
  private readonly gates: Array<() => void> = [];

  async hash(password: string): Promise<string> {
    this.running += 1;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    await new Promise<void>((resolve) => this.gates.push(resolve));
    this.running -= 1;
    return `hashed:${password}`;
  }

  async verify(hash: string, password: string): Promise<boolean> {
    return (await this.hash(password)) === hash;
  }

  /** Lets every hash started so far finish. */
  release(): void {
    for (const open of this.gates.splice(0)) open();
  }

  get started(): number {
    return this.gates.length;
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('password hashing has a bound', () => {
  it('runs at most maxConcurrent hashes, queues maxQueued, and refuses the rest at once with 503', async () => {
    const inner = new GatedHasher();
    const hasher = new BoundedHasher(inner, { maxConcurrent: 2, maxQueued: 1 });
    const results = [hasher.hash('a'), hasher.hash('b'), hasher.hash('c')];
    await expect(hasher.hash('d')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503, hint: { retryAfterSeconds: 1 } });
    await tick();
    expect(inner.started).toBe(2);
    inner.release();
    await tick();
    expect(inner.started).toBe(1); // the queued one got its turn
    inner.release();
    await expect(Promise.all(results)).resolves.toEqual(['hashed:a', 'hashed:b', 'hashed:c']);
    expect(inner.mostAtOnce).toBe(2);
    await tick();
    // Turns are given back: two can run again.
    const again = [hasher.hash('e'), hasher.hash('f')];
    await tick();
    expect(inner.started).toBe(2);
    inner.release();
    await expect(Promise.all(again)).resolves.toHaveLength(2);
  });

  it('a sign-in past the queue answers 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
    const inner = new GatedHasher();
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, passwordHasher: inner, passwordHashing: { maxConcurrent: 1, maxQueued: 0 } })
      .database(new MemoryDatabaseAdapter(appEntities))
      .plugin(new EmailPasswordPlugin())
      .build();
    const first = call(auth.handler, 'POST', '/sign-in/email', { body: { email: 'a@example.com', password: 'some password 1' } });
    await tick();
    await tick();
    const second = await call(auth.handler, 'POST', '/sign-in/email', { body: { email: 'b@example.com', password: 'some password 2' } });
    expect(second.status).toBe(503);
    expect(second.json).toEqual({ code: 'SERVICE_UNAVAILABLE', message: 'The server is busy; try again shortly' });
    expect(second.headers.get('retry-after')).toBe('1');
    inner.release();
    expect((await first).status).toBe(401);
  });

  it('a sign-in refused for a full queue costs no database lookup', async () => {
    class CountingMemoryAdapter extends MemoryDatabaseAdapter<any, any, any, any, any, any, any> {
      emailLookups = 0;
      override async getUserByEmail(email: string) {
        this.emailLookups += 1;
        return super.getUserByEmail(email);
      }
    }
    const inner = new GatedHasher();
    const db = new CountingMemoryAdapter(appEntities);
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, passwordHasher: inner, passwordHashing: { maxConcurrent: 1, maxQueued: 0 } })
      .database(db)
      .plugin(new EmailPasswordPlugin())
      .build();
    const first = call(auth.handler, 'POST', '/sign-in/email', { body: { email: 'a@example.com', password: 'some password 1' } });
    await tick();
    await tick();
    expect(db.emailLookups).toBe(1);
    const refused = await call(auth.handler, 'POST', '/sign-in/email', { body: { email: 'b@example.com', password: 'some password 2' } });
    expect(refused.status).toBe(503);
    expect(db.emailLookups).toBe(1);
    inner.release();
    expect((await first).status).toBe(401);
  });

  it('leaves a core to the event loop by default', async () => {
    const inner = new GatedHasher();
    const hasher = new BoundedHasher(inner);
    const expected = Math.min(4, Math.max(1, availableParallelism() - 1));
    const pending = Array.from({ length: expected + 1 }, (_, i) => hasher.hash(String(i)));
    await tick();
    expect(inner.started).toBe(expected);
    inner.release();
    await tick();
    inner.release();
    await expect(Promise.all(pending)).resolves.toHaveLength(expected + 1);
  });
});
