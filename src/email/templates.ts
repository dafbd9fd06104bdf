import type { CoreEmailKind, EmailKind, EmailMessage } from './email-sender';

/** The words of a link email; the layout around them (link, validity) is the engine's. */
export interface EmailWording {
  subject: string;
  intro: string;
  action: string;
  outro: string;
}

/** What a template is given to render one email. */
export interface EmailLink {
  to: string;
  url: string;
  token: string;
  expiresInSeconds: number;
}

/**
 * How a kind of email reads: wording for the engine's layout, or a function that renders the whole message.
 * Plugins declare theirs in `emailTemplates`; apps that want their own text render in their `EmailSender`.
 */
export type EmailTemplate = EmailWording | ((link: EmailLink) => Pick<EmailMessage, 'subject' | 'text' | 'html'>);

export const WORDING: Record<CoreEmailKind, EmailWording> = {
  'reset-password': {
    subject: 'Reset your password',
    intro: 'Someone asked to reset the password of your account.',
    action: 'Choose a new password',
    outro: 'If it was not you, ignore this email: your password stays as it is.',
  },
  'verify-email': {
    subject: 'Verify your email address',
    intro: 'Please confirm that this address is yours.',
    action: 'Verify my email',
    outro: 'If you did not create an account, ignore this email.',
  },
  'change-email': {
    subject: 'Confirm your new email address',
    intro: 'Your account asked to use this address from now on.',
    action: 'Confirm the new address',
    outro: 'If it was not you, ignore this email: your account keeps its current address.',
  },
  'delete-account': {
    subject: 'Confirm the deletion of your account',
    intro: 'Your account asked to be deleted, with everything it holds.',
    action: 'Delete my account',
    outro: 'If it was not you, ignore this email and change your password.',
  },
};

/**
 * The default email for a kind: a plain-text and an HTML body around the link. Apps that want their own
 * wording render from `kind` and `url` in their `EmailSender` instead.
 */
export function composeEmail(
  kind: EmailKind,
  to: string,
  url: string,
  token: string,
  expiresInSeconds: number,
  template: EmailTemplate = WORDING[kind as CoreEmailKind],
): EmailMessage {
  if (typeof template === 'function') return { ...template({ to, url, token, expiresInSeconds }), to, kind, token, url };
  const words = template;
  const validity = `The link works once, for ${describeDuration(expiresInSeconds)}.`;
  const text = `${words.intro}\n\n${words.action}: ${url}\n\n${validity}\n${words.outro}\n`;
  const html =
    `<p>${escapeHtml(words.intro)}</p>` +
    `<p><a href="${escapeHtml(url)}">${escapeHtml(words.action)}</a></p>` +
    `<p>${escapeHtml(validity)}<br>${escapeHtml(words.outro)}</p>`;
  return { to, subject: words.subject, text, html, kind, token, url };
}

function describeDuration(seconds: number): string {
  if (seconds % 86_400 === 0) return plural(seconds / 86_400, 'day');
  if (seconds % 3_600 === 0) return plural(seconds / 3_600, 'hour');
  if (seconds % 60 === 0) return plural(seconds / 60, 'minute');
  return plural(seconds, 'second');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
