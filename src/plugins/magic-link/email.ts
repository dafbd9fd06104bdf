import type { AuthContext } from '../../core/auth-context';
import { sendLinkEmail } from '../../email/send-email';
import type { EmailWording } from '../../email/templates';
import type { ResolvedMagicLinkOptions } from './options';

/** The token purpose of a sign-in link; its payload is `{ email, name? }`. */
export const MAGIC_LINK_PURPOSE = 'magic-link:sign-in';

/** The email kind of a sign-in link. */
export const MAGIC_LINK_EMAIL_KIND = 'magic-link:sign-in';

export const magicLinkWording: EmailWording = {
  subject: 'Your sign-in link',
  intro: 'Someone asked to sign in with this address.',
  action: 'Sign in',
  outro: 'If it was not you, ignore this email: nobody can sign in without this link.',
};

/**
 * Delivers one link: through the app's `sendMagicLink` when it set one, or as an email. Runs after the answer
 * went, so a failing sender is logged (without the link) rather than thrown at nobody.
 */
export async function deliverMagicLink(auth: AuthContext, options: ResolvedMagicLinkOptions, email: string, url: string, token: string): Promise<void> {
  if (!options.sendMagicLink) {
    await sendLinkEmail(auth, { kind: MAGIC_LINK_EMAIL_KIND, to: email, url, token, expiresInSeconds: options.expiresIn });
    return;
  }
  try {
    await options.sendMagicLink({ email, url, token });
  } catch (error) {
    const described = error instanceof Error ? error.message.split(url).join('[redacted]').split(token).join('[redacted]') : 'unknown error';
    auth.config.logger.error(`sending the magic link failed: ${described}`);
  }
}
