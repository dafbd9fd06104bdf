/** Emails that carry a single-use link. */
export type LinkEmailKind = 'reset-password' | 'verify-email' | 'change-email' | 'change-email-confirmation' | 'delete-account';

/** Emails that only tell the user something happened: no link, no token. */
export type NoticeEmailKind = 'email-changed';

/** The emails the engine's own flows send. */
export type CoreEmailKind = LinkEmailKind | NoticeEmailKind;

/** An email a plugin declared, named `<plugin id>:<name>` (e.g. `two-factor:otp`) so two plugins never clash. */
export type PluginEmailKind = `${string}:${string}`;

/** Why an email is sent; senders that render their own templates switch on it. */
export type EmailKind = CoreEmailKind | PluginEmailKind;

/**
 * One email the engine wants delivered. `subject`, `text` and `html` are ready to send; `kind`, `token` and
 * `url` are there for apps that render their own templates. `url` carries the token: treat both as secrets
 * (never log them, never send them anywhere but to `to`).
 */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  kind: EmailKind;
  /** The single-use token the link carries; empty for a notice. */
  token: string;
  /** The link the recipient follows; for a notice, the app's base URL. */
  url: string;
}

/**
 * Delivers the engine's emails: wrap your mail provider in one. The engine never awaits a send on a path
 * whose answer must not depend on it, so a slow or failing provider cannot reveal whether an account
 * exists; a failure is logged (without the token or link) and the request still succeeds.
 * @example
 * const sender: EmailSender = {
 *   send: async (message) => { await resend.emails.send({ from: 'auth@app.example', to: message.to, subject: message.subject, html: message.html }); },
 * };
 * new BetterAuth({ secret, emailSender: sender })
 */
export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}
