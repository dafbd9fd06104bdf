import type { EmailKind, EmailMessage, LinkEmailKind, NoticeEmailKind } from './email-sender';

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
  /** A line the flow adds after the intro. */
  detail?: string;
}

/**
 * How a kind of email reads: wording for the engine's layout, or a function that renders the whole message.
 * Plugins declare theirs in `emailTemplates`; apps that want their own text render in their `EmailSender`.
 */
export type EmailTemplate = EmailWording | ((link: EmailLink) => Pick<EmailMessage, 'subject' | 'text' | 'html'>);

export const WORDING: Record<LinkEmailKind, EmailWording> = {
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
  'change-email-confirmation': {
    subject: 'Confirm the change of your email address',
    intro: 'Your account asked to move to another email address.',
    action: 'Yes, move my account to the new address',
    outro: 'If it was not you, ignore this email and change your password: your account keeps this address.',
  },
  'delete-account': {
    subject: 'Confirm the deletion of your account',
    intro: 'Your account asked to be deleted, with everything it holds.',
    action: 'Delete my account',
    outro: 'If it was not you, ignore this email and change your password.',
  },
};

const NOTICES: Record<NoticeEmailKind, { subject: string; intro: string; outro: string }> = {
  'email-changed': {
    subject: 'The email address of your account was changed',
    intro: 'Your account no longer uses this address.',
    outro: 'If it was not you, reset your password from the new address or contact support at once.',
  },
};

/**
 * The default email for a kind: a plain-text and an HTML body around the link, with `detail` (a line the flow
 * adds, such as the new address) after the intro. Apps that want their own wording render from `kind` and
 * `url` in their `EmailSender` instead.
 */
export function composeEmail(
  kind: EmailKind,
  to: string,
  url: string,
  token: string,
  expiresInSeconds: number,
  detail?: string,
  template: EmailTemplate | undefined = WORDING[kind as LinkEmailKind],
): EmailMessage {
  if (isNotice(kind)) return composeNotice(kind, to, url, detail ?? '');
  if (!template) throw new TypeError(`No template for the email kind "${kind}".`);
  if (typeof template === 'function') return { ...template({ to, url, token, expiresInSeconds, detail }), to, kind, token, url };
  const words = template;
  const intro = detail ? `${words.intro} ${detail}` : words.intro;
  const validity = `The link works once, for ${describeDuration(expiresInSeconds)}.`;
  const text = `${intro}\n\n${words.action}: ${url}\n\n${validity}\n${words.outro}\n`;
  const html =
    `<p>${escapeHtml(intro)}</p>` +
    `<p><a href="${escapeHtml(url)}">${escapeHtml(words.action)}</a></p>` +
    `<p>${escapeHtml(validity)}<br>${escapeHtml(words.outro)}</p>`;
  return { to, subject: words.subject, text, html, kind, token, url };
}

/** A notice: what happened (`detail`) and what to do if it was not the user; `url` is the app's address. */
export function composeNotice(kind: NoticeEmailKind, to: string, url: string, detail: string): EmailMessage {
  const words = NOTICES[kind];
  const text = `${words.intro} ${detail}\n\n${words.outro}\n`;
  const html = `<p>${escapeHtml(`${words.intro} ${detail}`)}</p><p>${escapeHtml(words.outro)}</p>`;
  return { to, subject: words.subject, text, html, kind, token: '', url };
}

function isNotice(kind: string): kind is NoticeEmailKind {
  return Object.prototype.hasOwnProperty.call(NOTICES, kind);
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
