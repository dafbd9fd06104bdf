import { ConfigError } from '../config/resolve-config';
import type { AuthContext } from '../core/auth-context';
import type { EmailMessage, EmailSender, LinkEmailKind, NoticeEmailKind, PluginEmailKind } from './email-sender';
import { composeNotice } from './templates';

/** What a flow knows when it mails a link. */
export interface LinkEmail {
  /** An engine link kind, or a kind a plugin declared in its `emailTemplates`. */
  kind: LinkEmailKind | PluginEmailKind;
  to: string;
  url: string;
  token: string;
  expiresInSeconds: number;
  /** A line added after the intro (the address an email change moves to, say). */
  detail?: string;
}

/**
 * Composes and sends one link email. Never rejects: a failing sender is logged with the token and link cut
 * out of its message (providers like to echo what they were given), because the flows that mail links run
 * after the answer has gone and nobody could handle the error.
 */
export async function sendLinkEmail(auth: AuthContext, email: LinkEmail): Promise<void> {
  const sender = auth.config.emailSender;
  if (!sender) throw new Error('No emailSender: the plugin should have refused to build.');
  await deliver(auth, sender, auth.emailTemplates.compose(email.kind, email), [email.url, email.token]);
}

/**
 * Tells `to` that something happened to the account (no link, no token); does nothing without an
 * `emailSender`, since the flows that send notices work without one. Never rejects, as `sendLinkEmail`.
 */
export async function sendNoticeEmail(auth: AuthContext, kind: NoticeEmailKind, to: string, detail: string): Promise<void> {
  const sender = auth.config.emailSender;
  if (!sender) return;
  await deliver(auth, sender, composeNotice(kind, to, auth.config.baseURL.href, detail), []);
}

/** Sends one message; a failure is logged with `secrets` (the link and its token) cut out. */
async function deliver(auth: AuthContext, sender: EmailSender, message: EmailMessage, secrets: string[]): Promise<void> {
  try {
    // A reserved address (an anonymous user's placeholder) has no mailbox behind it that anyone should read.
    if (await auth.hooks.isReservedAddress(message.to)) {
      auth.config.logger.warn(`the ${message.kind} email was not sent: its address is reserved`);
      return;
    }
    await sender.send(message);
  } catch (error) {
    const described = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    auth.config.logger.error(`sending the ${message.kind} email failed: ${redact(described, secrets)}`);
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

// Anything shaped like an address: a provider's error often quotes the recipient, who must not land in logs.
const EMAIL_ADDRESS = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+/g;

function redact(text: string, secrets: string[]): string {
  return secrets.reduce((result, secret) => (secret ? result.split(secret).join('[redacted]') : result), text).replace(EMAIL_ADDRESS, '[email]');
}
