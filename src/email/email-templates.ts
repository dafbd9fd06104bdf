import type { EmailMessage, LinkEmailKind, PluginEmailKind } from './email-sender';
import { composeEmail, WORDING, type EmailLink, type EmailTemplate } from './templates';

/**
 * The templates of an auth instance: the engine's own kinds, plus those its plugins declared in
 * `emailTemplates`. A plugin's kinds are named `<plugin id>:<name>`, which this registry enforces, so
 * `two-factor:otp` can never be mistaken for another plugin's email.
 */
export class EmailTemplates {
  private readonly declared = new Map<string, EmailTemplate>(Object.entries(WORDING));

  /** Adds a plugin's templates; called by `BetterAuth.build()`. */
  declare(source: string, templates: Readonly<Record<string, EmailTemplate>>): void {
    for (const [kind, template] of Object.entries(templates)) {
      if (!kind.startsWith(`${source}:`) || kind.length === source.length + 1) {
        throw new TypeError(`Plugin "${source}" declares the email kind "${kind}": name it "${source}:<name>".`);
      }
      if (this.declared.has(kind)) throw new TypeError(`The email kind "${kind}" is declared twice.`);
      this.declared.set(kind, template);
    }
  }

  /** The ready-to-send message of a kind; an undeclared kind is a programming error. */
  compose(kind: LinkEmailKind | PluginEmailKind, link: EmailLink): EmailMessage {
    const template = this.declared.get(kind);
    if (!template) throw new TypeError(`No plugin declares the email kind "${kind}": add it to the plugin's emailTemplates.`);
    return composeEmail(kind, link.to, link.url, link.token, link.expiresInSeconds, link.detail, template);
  }
}
