/**
 * Runs tasks that share a key one after another, and tasks of different keys freely: an in-process lock per
 * key. Used where a check and the write it guards must not interleave with another request's (rate-limit
 * counting, the last owner of an organization). It serialises one process only: across processes the
 * database must decide (a conditional update, a row lock).
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task);
    const settled = next.catch(() => undefined);
    this.tails.set(key, settled);
    // The last one out removes the key, so the map holds only keys with work in flight.
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return next;
  }
}
