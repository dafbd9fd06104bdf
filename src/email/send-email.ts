import { ConfigError } from '../config/resolve-config';
import type { AuthContext } from '../core/auth-context';
import type { EmailKind, EmailSender } from './email-sender';

/** What a flow knows when it mails a link. */
export interface LinkEmail {
  kind: EmailKind;
  to: string;
  url: string;
  token: string;
  expiresInSeconds: number;
}

/**
 * Composes and sends one link email. Never rejects: a failing sender is logged with the token and link cut
 * out of its message (providers like to echo what they were given), because the flows that mail links run
 * after the answer has gone and nobody could handle the error.
 */
export async function sendLinkEmail(auth: AuthContext, email: LinkEmail): Promise<void> {
  const sender = auth.config.emailSender;
  if (!sender) throw new Error('No emailSender: the plugin should have refused to build.');
  const message = auth.emailTemplates.compose(email.kind, email);
  try {
    await sender.send(message);
  } catch (error) {
    const described = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    auth.config.logger.error(`sending the ${email.kind} email failed: ${redact(described, [email.url, email.token])}`);
  }
}

/** The configured sender, or a `ConfigError` naming the plugin that needs one (thrown from `init`). */
export function requireEmailSender(auth: AuthContext, plugin: string): EmailSender {
  const sender = auth.config.emailSender;
  if (!sender) {
    throw new ConfigError(
      `${plugin} sends emails: set AuthConfig.emailSender (new ConsoleEmailSender() in development, your provider in production).`,
    );
  }
  return sender;
}

function redact(text: string, secrets: string[]): string {
  return secrets.reduce((result, secret) => (secret ? result.split(secret).join('[redacted]') : result), text);
}
