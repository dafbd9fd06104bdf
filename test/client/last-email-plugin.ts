import { defineRoute, type AuthPlugin, type EmailKind } from 'better-auth-entities';
import type { MemoryEmailSender } from 'better-auth-entities/plugins';

/**
 * Test-only: `GET /test/last-email?to=…&kind=…` hands a client script the newest captured email of a kind for
 * an address (waiting for it if needed), so the script can follow a link or type a code as a person would.
 */
export class LastEmailPlugin implements AuthPlugin {
  readonly id = 'test-last-email';
  constructor(private readonly mail: MemoryEmailSender) {}
  routes() {
    return [
      defineRoute({
        method: 'GET',
        path: '/test/last-email',
        summary: 'Test only',
        handle: async (ctx) => {
          const to = ctx.request.query.get('to') ?? '';
          const kind = (ctx.request.query.get('kind') ?? undefined) as EmailKind | undefined;
          const message = await this.mail.next({ to, kind });
          return { token: message.token, url: message.url, kind: message.kind };
        },
      }),
    ];
  }
}
