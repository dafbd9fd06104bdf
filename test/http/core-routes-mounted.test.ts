import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { AccountManagementPlugin, SessionManagementPlugin, SocialSignInPlugin, oidcProvider } from 'better-auth-entities/plugins';
import { appEntities } from '../../examples/entities';
import { call, ORIGIN, TEST_SECRET } from '../support/test-auth';

// The README's social section builds an auth from SocialSignInPlugin and AccountManagementPlugin alone: a
// browser signed in that way must still read and end its session.
function socialOnlyAuth(extra: SessionManagementPlugin[] = []) {
  const builder = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN })
    .database(new MemoryDatabaseAdapter(appEntities))
    .plugin(new SocialSignInPlugin({ providers: [oidcProvider({ id: 'sso', issuer: 'https://issuer.example', clientId: 'c' })] }))
    .plugin(new AccountManagementPlugin());
  for (const plugin of extra) builder.plugin(plugin);
  return builder.build();
}

async function sessionOf(auth: ReturnType<typeof socialOnlyAuth>) {
  const user = (await auth.context.db.createUser({ email: 'social-only@example.com', name: 'S', emailVerified: true })) as { id: string };
  const { token } = await auth.context.sessions.create(user.id, { ipAddress: null, userAgent: null });
  return { userId: user.id, token };
}

describe('the session routes every instance mounts', () => {
  it('serves get-session, list-sessions and sign-out to an auth built with only social sign-in and account management', async () => {
    const auth = socialOnlyAuth();
    const { userId, token } = await sessionOf(auth);

    const session = await call(auth.handler, 'GET', '/get-session', { bearer: token });
    expect([session.status, session.json.user.id]).toEqual([200, userId]);
    const listed = await call(auth.handler, 'GET', '/list-sessions', { bearer: token });
    expect([listed.status, listed.json.length]).toEqual([200, 1]);
    expect((await call(auth.handler, 'POST', '/sign-out', { bearer: token })).status).toBe(200);
    expect((await call(auth.handler, 'GET', '/get-session', { bearer: token })).status).toBe(401);
  });

  it('uses the app’s own SessionManagementPlugin options instead of the default when one is added', async () => {
    const auth = socialOnlyAuth([new SessionManagementPlugin({ enableSessionListing: false })]);
    const { token } = await sessionOf(auth);

    expect((await call(auth.handler, 'GET', '/get-session', { bearer: token })).status).toBe(200);
    expect((await call(auth.handler, 'GET', '/list-sessions', { bearer: token })).status).toBe(404);
  });
});
