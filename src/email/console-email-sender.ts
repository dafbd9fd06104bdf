import type { EmailMessage, EmailSender } from './email-sender';

/**
 * Prints each email (with its link) to the console: for local development only, where no mail server
 * exists and the developer clicks the link from the terminal. Never use it in production: the links it
 * prints are credentials.
 * @example
 * new BetterAuth({ secret, emailSender: new ConsoleEmailSender() })
 */
export class ConsoleEmailSender implements EmailSender {
  constructor(private readonly write: (line: string) => void = (line) => console.log(line)) {}

  async send(message: EmailMessage): Promise<void> {
    this.write(`[better-auth-entities] ${message.kind} email to ${message.to}: ${message.subject}\n  ${message.url}`);
  }
}
