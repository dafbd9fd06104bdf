import { followLink, makeLifecycleAuth } from '../support/lifecycle-auth';
import { call, PASSWORD, signUp, uniqueEmail } from '../support/test-auth';

describe('no login CSRF through verification links', () => {
  it('a signed-in victim who opens the attacker’s own verification link keeps the victim’s session', async () => {
    const setup = makeLifecycleAuth({ emailVerification: { requireEmailVerification: true, autoSignInAfterVerification: true } });
    const victim = await signUp(setup.auth.handler, uniqueEmail('victim'));
    await setup.database.updateUser(victim.user.id, { emailVerified: true });
    const victimSession = await call(setup.auth.handler, 'POST', '/sign-in/email', { body: { email: victim.email, password: PASSWORD } });
    const attackerEmail = uniqueEmail('attacker');
    await call(setup.auth.handler, 'POST', '/sign-up/email', { body: { email: attackerEmail, password: PASSWORD, name: 'Mallory', callbackURL: '/app' } });
    const { url } = await setup.mail.next({ kind: 'verify-email', to: attackerEmail });

    const landing = await followLink(setup.auth.handler, url, victimSession.cookie);
    expect(landing.status).toBe(302);
    expect(landing.headers.get('set-cookie')).toBeNull();
    expect(landing.headers.get('set-auth-token')).toBeNull();
    const after = await call(setup.auth.handler, 'GET', '/get-session', { cookie: victimSession.cookie });
    expect([after.status, after.json.user.email]).toEqual([200, victim.email]);
  });

  it('a signed-out browser is still signed in by its own link', async () => {
    const setup = makeLifecycleAuth({ emailVerification: { requireEmailVerification: true, autoSignInAfterVerification: true } });
    const email = uniqueEmail();
    await call(setup.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'A' } });
    const landing = await followLink(setup.auth.handler, (await setup.mail.next({ to: email })).url);
    expect(landing.cookie).toMatch(/^better-auth\.session_token=/);
  });
});
