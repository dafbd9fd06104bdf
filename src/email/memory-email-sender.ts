import type { EmailKind, EmailMessage, EmailSender } from './email-sender';

type Waiter = { matches: (message: EmailMessage) => boolean; resolve: (message: EmailMessage) => void };

/**
 * Keeps every email in memory so tests can read the links from them; no mail server involved.
 * Sends run in the background, so a test that has just received its answer waits for the email with
 * `next(...)` rather than reading `sent` at once.
 * @example
 * const mail = new MemoryEmailSender();
 * const auth = new BetterAuth({ secret, emailSender: mail }).database(db).plugin(new PasswordManagementPlugin()).build();
 * await call('POST', '/request-password-reset', { email });
 * const { url } = await mail.next({ kind: 'reset-password', to: email });
 */
export class MemoryEmailSender implements EmailSender {
  readonly sent: EmailMessage[] = [];
  private waiters: Waiter[] = [];

  async send(message: EmailMessage): Promise<void> {
    this.sent.push(message);
    const ready = this.waiters.filter((waiter) => waiter.matches(message));
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve(message);
  }

  /** The newest email matching the filter that is already here, or `undefined`. */
  last(filter: EmailFilter = {}): EmailMessage | undefined {
    return [...this.sent].reverse().find(matcher(filter));
  }

  /**
   * The newest matching email among those sent after the first `since` (default 0: any already here),
   * or else the next matching one to arrive; rejects after `timeoutMs` (default 2 s).
   */
  next(filter: EmailFilter = {}, options: { timeoutMs?: number; since?: number } = {}): Promise<EmailMessage> {
    const matches = matcher(filter);
    const present = this.sent.slice(options.since ?? 0).reverse().find(matches);
    if (present) return Promise.resolve(present);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        reject(new Error(`MemoryEmailSender: no ${filter.kind ? `${filter.kind} ` : ''}email to ${filter.to ?? 'anyone'} within ${options.timeoutMs ?? 2000} ms`));
      }, options.timeoutMs ?? 2000);
      const entry: Waiter = {
        matches,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      };
      this.waiters.push(entry);
    });
  }

  clear(): void {
    this.sent.length = 0;
  }
}

/** Which emails `last` and `next` look for; every given property must match. */
export interface EmailFilter {
  kind?: EmailKind;
  to?: string;
}

function matcher(filter: EmailFilter): (message: EmailMessage) => boolean {
  const to = filter.to?.toLowerCase();
  return (message) => (filter.kind === undefined || message.kind === filter.kind) && (to === undefined || message.to.toLowerCase() === to);
}
