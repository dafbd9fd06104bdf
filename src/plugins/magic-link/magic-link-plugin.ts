import type { AuthContext } from '../../core/auth-context';
import type { RateLimitRule } from '../../core/rate-limit-rules';
import { requireEmailSender } from '../../email/send-email';
import type { RouteDefinition } from '../../http/route';
import type { AuthPlugin } from '../auth-plugin';
import { MAGIC_LINK_EMAIL_KIND, MAGIC_LINK_PURPOSE, magicLinkWording } from './email';
import { resolveMagicLinkOptions, type MagicLinkOptions, type ResolvedMagicLinkOptions } from './options';
import { sendMagicLinkRoute } from './send-route';
import { verifyMagicLinkRoute } from './verify-route';

/**
 * Sign-in by emailed link (better-auth's `magic-link` plugin, for its `magicLinkClient`):
 * `POST /sign-in/magic-link` mails a link, `GET /magic-link/verify` follows it. A link is 32 random bytes,
 * stored as its SHA-256 digest, good once and for five minutes by default; it signs the address in, creating
 * the user (verified) unless `disableSignUp`. Sessions open through the sign-in pipeline, so bans and
 * two-factor apply (better-auth skips two-factor for links; a mailbox is one factor, so we ask for the second).
 * @example
 * new BetterAuth({ ...config, emailSender }).database(db).plugin(new MagicLinkPlugin({ expiresIn: 600 }))
 */
export class MagicLinkPlugin implements AuthPlugin {
  readonly id = 'magic-link';
  readonly options: ResolvedMagicLinkOptions;
  readonly tokenPurposes = [MAGIC_LINK_PURPOSE];
  readonly emailTemplates = { [MAGIC_LINK_EMAIL_KIND]: magicLinkWording };
  readonly rateLimit: readonly RateLimitRule[];

  constructor(options: MagicLinkOptions = {}) {
    this.options = resolveMagicLinkOptions(options);
    // better-auth's rule: a few requests per client and minute on both routes.
    this.rateLimit = [
      { path: '/sign-in/magic-link', windowSeconds: 60, max: this.options.rateLimitMax },
      { path: '/magic-link/verify', windowSeconds: 60, max: this.options.rateLimitMax },
    ];
  }

  init(auth: AuthContext): void {
    if (!this.options.sendMagicLink) requireEmailSender(auth, 'MagicLinkPlugin (without sendMagicLink)');
  }

  routes(): RouteDefinition[] {
    return [sendMagicLinkRoute(this.options), verifyMagicLinkRoute(this.options)];
  }
}
