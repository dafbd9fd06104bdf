import { BetterAuth, MemoryEmailSender, type AuthPlugin } from 'better-auth-entities';
import { EmailPasswordPlugin, OrganizationPlugin, SessionManagementPlugin, type OrganizationOptions } from 'better-auth-entities/plugins';
import type { BuiltinDatabase } from '../../support/builtin-backends';
import { call, ORIGIN, PASSWORD, TEST_SECRET, type CallResult } from '../../support/test-auth';

export type Handler = (request: Request) => Promise<Response>;

/** An instance with email sign-up and the organization plugin over `database`; `emails` captures what it sends. */
export function orgAuth(database: BuiltinDatabase, options: OrganizationOptions<any, any, any, any> = {}, extra: AuthPlugin[] = []) {
  const emails = new MemoryEmailSender();
  let builder = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: emails })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin());
  for (const plugin of extra) builder = builder.plugin(plugin);
  const auth = builder.plugin(new OrganizationPlugin(options)).build();
  return { auth, emails, handler: auth.handler };
}

let counter = 0;
export const unique = (prefix: string) => `${prefix}-${++counter}-${Date.now() % 1_000_000}`;

export interface Person {
  id: string;
  email: string;
  cookie: string;
  token: string;
}

/** Signs someone up (their email verified unless `verified: false`) and returns their session cookie. */
export async function person(handler: Handler, database: BuiltinDatabase, { verified = true, tag = 'p' } = {}): Promise<Person> {
  const email = `${unique(tag)}@example.com`;
  const signUp = await call(handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: `Name ${tag}` } });
  if (signUp.status !== 200) throw new Error(`sign-up failed: ${JSON.stringify(signUp.json)}`);
  if (verified) await database.updateUser(signUp.json.user.id, { emailVerified: true });
  return { id: signUp.json.user.id, email, cookie: signUp.cookie!, token: signUp.json.token };
}

/** A call as `who` (by cookie). */
export function as(handler: Handler, who: Person) {
  return {
    get: (path: string, query: Record<string, string | number> = {}): Promise<CallResult> => {
      const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)])).toString();
      return call(handler, 'GET', `${path}${search ? `?${search}` : ''}`, { cookie: who.cookie });
    },
    post: (path: string, body: unknown = {}): Promise<CallResult> => call(handler, 'POST', path, { cookie: who.cookie, body }),
  };
}

/** Creates an organization as `owner`; returns its id. */
export async function organizationOf(handler: Handler, owner: Person, slug = unique('org')): Promise<{ id: string; slug: string }> {
  const created = await as(handler, owner).post('/organization/create', { name: `Org ${slug}`, slug });
  if (created.status !== 200) throw new Error(`create failed: ${JSON.stringify(created.json)}`);
  return { id: created.json.id, slug };
}

/** Invites `who` as `role` and has them accept; returns their member id. */
export async function join(handler: Handler, inviter: Person, organizationId: string, who: Person, role = 'member'): Promise<string> {
  const invited = await as(handler, inviter).post('/organization/invite-member', { email: who.email, role, organizationId });
  if (invited.status !== 200) throw new Error(`invite failed: ${JSON.stringify(invited.json)}`);
  const accepted = await as(handler, who).post('/organization/accept-invitation', { invitationId: invited.json.id });
  if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.json)}`);
  return accepted.json.member.id;
}

/** `{ status, code }` of an answer, for refusals. */
export const refusal = (result: CallResult) => ({ status: result.status, code: result.json?.code });
