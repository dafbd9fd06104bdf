import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { Logger } from './logger';

/**
 * Deletes expired sessions and verification tokens every `intervalMs`, for as long as the auth instance
 * lives. Reads already ignore expired rows; without this they would still pile up for ever (every sign-in
 * that is never signed out, every reset link never followed). One run at a time; a failed run (the database
 * away, say) is logged and the next one tries again. The timer is unref'd, so it never keeps a process alive.
 * @example
 * const purge = new ExpiredRowPurge(db, 3_600_000, logger);
 * purge.start();
 * await purge.stop(); // on shutdown: no run is started afterwards, and a run under way has finished
 */
export class ExpiredRowPurge {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: DatabaseAdapter,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  /** One purge now; resolves when it is done (a purge already under way is joined, not doubled). */
  runOnce(now = new Date()): Promise<void> {
    this.running ??= this.purge(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async purge(now: Date): Promise<void> {
    try {
      await this.db.deleteExpiredSessions(now);
      await this.db.deleteExpiredVerifications(now);
    } catch (error) {
      this.logger.error('purging expired sessions and verifications failed', error instanceof Error ? error.message : String(error));
    }
  }
}
