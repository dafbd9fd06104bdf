import type { Logger } from './logger';

/**
 * Work a request starts but does not wait for: emails whose delivery must not shape the answer (a reset
 * request for an unknown address answers as fast as for a known one). A failure is logged, never thrown
 * into a request that has already been answered.
 * @example
 * auth.tasks.run('password reset email', async () => { await sendResetEmail(email); });
 * await auth.tasks.drain(); // in tests and on shutdown: everything started has finished
 */
export class BackgroundTasks {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Starts `task` on a later tick; its failure is logged under `label` (the label must hold no secret). */
  run(label: string, task: () => Promise<void>): void {
    const promise: Promise<void> = Promise.resolve()
      .then(task)
      .catch((error: unknown) => {
        // The stack tells where; the request data that might carry a token is never part of it.
        this.logger.error(`background task "${label}" failed`, error instanceof Error ? error.stack ?? error.message : String(error));
      })
      .finally(() => this.pending.delete(promise));
    this.pending.add(promise);
  }

  /** Resolves once every task started so far, and any task those started, has finished. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
