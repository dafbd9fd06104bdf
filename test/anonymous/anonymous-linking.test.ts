import { DatabaseUnavailableError } from 'better-auth-entities/adapters';
import type { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { followLink } from '../support/lifecycle-auth';
import { builtinBackends, type BuiltinDatabase } from '../support/builtin-backends';
import { call, PASSWORD, uniqueEmail } from '../support/test-auth';
import { makeAnonymousAuth, realUser, signInAnonymously, type AnonymousAuth } from './anonymous-auth';

const BACKENDS = builtinBackends('anonymous-link');

/** A logger that keeps what it is told, to check that faults are logged without secrets. */
function capturingLogger() {
  const lines: string[] = [];
  const keep = (message: string, ...details: unknown[]) => void lines.push([message, ...details].map(String).join(' '));
  return { lines, config: { logger: { error: keep, warn: keep } } };
}

/** The anonymous user, its sessions and accounts, as stored. */
async function storedState(s: AnonymousAuth, userId: string) {
  return {
    user: await s.database.getUserById(userId),
    sessions: (await s.database.listSessionsForUser(userId)).length,
    accounts: (await s.database.listAccountsForUser(userId)).length,
  };
}

/** An anonymous user with two sessions (the browser's and another) and an account of its own. */
async function anonymousWithRows(s: AnonymousAuth) {
  const anonymous = await signInAnonymously(s);
  await s.auth.context.sessions.create(anonymous.user.id, { ipAddress: null, userAgent: null });
  await s.database.createAccount({ userId: anonymous.user.id, providerId: 'test-provider', accountId: `acc-${anonymous.user.id}` });
  return anonymous;
}

describe.each(BACKENDS)('linking an anonymous user on %s', (name, open) => {
  let database: () => BuiltinDatabase;
  beforeAll(async () => {
    database = await open();
  });

  it('sign-up while anonymous: onLinkAccount gets both users, then the anonymous user goes with its sessions and accounts', async () => {
    const s = makeAnonymousAuth(database());
    const anonymous = await anonymousWithRows(s);
    const email = uniqueEmail('linked');
    const signUp = await call(s.auth.handler, 'POST', '/sign-up/email', { cookie: anonymous.cookie, body: { email, password: PASSWORD, name: 'Linked' } });
    expect(signUp.status).toBe(200);
    expect(s.links).toHaveLength(1);
    const [link] = s.links;
    expect(link.anonymousUser.user).toMatchObject({ id: anonymous.user.id, isAnonymous: true });
    expect(s.auth.context.models.session.read(link.anonymousUser.session, 'userId')).toBe(anonymous.user.id);
    expect(link.newUser.user).toMatchObject({ id: signUp.json.user.id, email, isAnonymous: false });
    expect(s.auth.context.models.session.read(link.newUser.session, 'userId')).toBe(signUp.json.user.id);

    expect(await storedState(s, anonymous.user.id)).toEqual({ user: null, sessions: 0, accounts: 0 });
    const session = await call(s.auth.handler, 'GET', '/get-session', { cookie: signUp.cookie });
    expect(session.json.user).toMatchObject({ email, isAnonymous: false });
    expect((await call(s.auth.handler, 'GET', '/get-session', { cookie: anonymous.cookie })).json).toBeNull();
  });

  it('sign-in with a password while anonymous links too; the real user keeps its other sessions', async () => {
    const s = makeAnonymousAuth(database());
    const real = await realUser(s);
    const anonymous = await signInAnonymously(s);
    const signIn = await call(s.auth.handler, 'POST', '/sign-in/email', { cookie: anonymous.cookie, body: { email: real.email, password: PASSWORD } });
    expect(signIn.status).toBe(200);
    expect(s.links.map((link) => [link.anonymousUser.user.id, link.newUser.user.id])).toEqual([[anonymous.user.id, real.id]]);
    expect((await storedState(s, anonymous.user.id)).user).toBeNull();
    expect(await s.database.listSessionsForUser(real.id)).toHaveLength(2);
  });

  it('a magic link followed in the browser holding the anonymous session links too (any way of signing in)', async () => {
    const s = makeAnonymousAuth(database());
    const anonymous = await signInAnonymously(s);
    const email = uniqueEmail('ml-link');
    const since = s.mail.sent.length;
    expect((await call(s.auth.handler, 'POST', '/sign-in/magic-link', { cookie: anonymous.cookie, body: { email } })).status).toBe(200);
    const message = await s.mail.next({ kind: 'magic-link:sign-in', to: email }, { since });
    const landed = await followLink(s.auth.handler, message.url, anonymous.cookie);
    expect(landed.status).toBe(302);
    expect(s.links.map((link) => link.newUser.user.email)).toEqual([email]);
    expect((await storedState(s, anonymous.user.id)).user).toBeNull();
  });

  it('signing in again as the same real user, or without an anonymous session, links nothing', async () => {
    const s = makeAnonymousAuth(database());
    const real = await realUser(s);
    const again = await call(s.auth.handler, 'POST', '/sign-in/email', { cookie: real.cookie, body: { email: real.email, password: PASSWORD } });
    expect(again.status).toBe(200);
    expect(s.links).toHaveLength(0);
  });

  it('with disableDeleteAnonymousUser, onLinkAccount runs and the anonymous user stays', async () => {
    const s = makeAnonymousAuth(database(), { disableDeleteAnonymousUser: true });
    const anonymous = await signInAnonymously(s);
    const signUp = await call(s.auth.handler, 'POST', '/sign-up/email', { cookie: anonymous.cookie, body: { email: uniqueEmail('kept'), password: PASSWORD, name: 'K' } });
    expect(signUp.status).toBe(200);
    expect(s.links).toHaveLength(1);
    expect(await storedState(s, anonymous.user.id)).toMatchObject({ user: { id: anonymous.user.id, isAnonymous: true }, sessions: 1 });
  });

  it('two sign-ins at once carrying one anonymous session link it once: one onLinkAccount, one deletion, both signed in', async () => {
    // An app's onLinkAccount does I/O: the pause keeps one link open while the others arrive.
    const s = makeAnonymousAuth(database(), { onLinkAccount: () => new Promise((resolve) => setTimeout(resolve, 100)) });
    const real = await realUser(s);
    const anonymous = await anonymousWithRows(s);
    const before = (await s.database.listSessionsForUser(real.id)).length;
    const answers = await Promise.all([
      call(s.auth.handler, 'POST', '/sign-in/email', { cookie: anonymous.cookie, body: { email: real.email, password: PASSWORD } }),
      call(s.auth.handler, 'POST', '/sign-in/email', { cookie: anonymous.cookie, body: { email: real.email, password: PASSWORD } }),
      call(s.auth.handler, 'POST', '/sign-up/email', { cookie: anonymous.cookie, body: { email: uniqueEmail('racer'), password: PASSWORD, name: 'R' } }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(s.links).toHaveLength(1);
    expect(s.links[0].anonymousUser.user.id).toBe(anonymous.user.id);
    expect(await storedState(s, anonymous.user.id)).toEqual({ user: null, sessions: 0, accounts: 0 });
    expect(await s.database.listSessionsForUser(real.id)).toHaveLength(before + 2);
  });

  it('onLinkAccount failing rolls everything back: the anonymous user keeps its sessions and accounts, and no new session exists', async () => {
    const log = capturingLogger();
    const s = makeAnonymousAuth(database(), {
      onLinkAccount: () => {
        throw new Error('the app could not move the cart');
      },
    }, { config: log.config });
    const real = await realUser(s);
    const anonymous = await anonymousWithRows(s);
    const before = await storedState(s, anonymous.user.id);
    const realSessions = (await s.database.listSessionsForUser(real.id)).length;
    const signIn = await call(s.auth.handler, 'POST', '/sign-in/email', { cookie: anonymous.cookie, body: { email: real.email, password: PASSWORD } });
    expect(signIn.status).toBe(500);
    expect(signIn.headers.get('set-auth-token')).toBeNull();
    expect(await storedState(s, anonymous.user.id)).toEqual(before);
    expect(await s.database.listSessionsForUser(real.id)).toHaveLength(realSessions);
    expect((await call(s.auth.handler, 'GET', '/get-session', { cookie: anonymous.cookie })).json.user.id).toBe(anonymous.user.id);
    // Logged as a fault, without the session token or the password of the request.
    expect(log.lines.join('\n')).toMatch(/could not move the cart/);
    expect(log.lines.join('\n')).not.toContain(anonymous.token);
    expect(log.lines.join('\n')).not.toContain(PASSWORD);
  });

  it('a database fault in the middle of linking (after the sessions went, at the user) writes nothing: both users as they were, answered 503', async () => {
    const log = capturingLogger();
    const s = makeAnonymousAuth(database(), {
      // The fault is injected into the link's own transaction, between deleting the sessions and the user.
      onLinkAccount: ({ tx }) => {
        tx.deleteUser = () => Promise.reject(new DatabaseUnavailableError('injected: connection lost'));
      },
    }, { config: log.config });
    const real = await realUser(s);
    const anonymous = await anonymousWithRows(s);
    const before = await storedState(s, anonymous.user.id);
    const realSessions = (await s.database.listSessionsForUser(real.id)).length;
    const signIn = await call(s.auth.handler, 'POST', '/sign-in/email', { cookie: anonymous.cookie, body: { email: real.email, password: PASSWORD } });
    expect([signIn.status, signIn.json.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);
    expect(await storedState(s, anonymous.user.id)).toEqual(before);
    expect(await s.database.listSessionsForUser(real.id)).toHaveLength(realSessions);

    // A sign-up whose link fails keeps its new user (made before the session, as when auto sign-in fails) but no session, and the anonymous user.
    const email = uniqueEmail('fault-up');
    const signUp = await call(s.auth.handler, 'POST', '/sign-up/email', { cookie: anonymous.cookie, body: { email, password: PASSWORD, name: 'F' } });
    expect(signUp.status).toBe(503);
    const created = await s.database.getUserByEmail(email);
    expect(await s.database.listSessionsForUser(created!.id)).toHaveLength(0);
    expect(await storedState(s, anonymous.user.id)).toEqual(before);
    expect(log.lines.join('\n')).not.toContain(anonymous.token);
  });

  if (name !== 'memory') {
    it('a real database error raised by the user delete (a trigger) rolls the whole link back', async () => {
      const s = makeAnonymousAuth(database());
      const dataSource = (s.database as unknown as TypeOrmAdapter<any, any, any, any, any, any, any>).dataSource;
      const sqlite = name === 'SQLite';
      if (sqlite) {
        await dataSource.query("CREATE TRIGGER refuse_anonymous_delete BEFORE DELETE ON users WHEN OLD.is_anonymous = 1 BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
      } else {
        await dataSource.query("CREATE FUNCTION refuse_anonymous_delete() RETURNS trigger AS $$ BEGIN IF OLD.is_anonymous THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN OLD; END $$ LANGUAGE plpgsql");
        await dataSource.query('CREATE TRIGGER refuse_anonymous_delete BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION refuse_anonymous_delete()');
      }
      try {
        const real = await realUser(s);
        const anonymous = await anonymousWithRows(s);
        const before = await storedState(s, anonymous.user.id);
        const realSessions = (await s.database.listSessionsForUser(real.id)).length;
        const signIn = await call(s.auth.handler, 'POST', '/sign-in/email', { cookie: anonymous.cookie, body: { email: real.email, password: PASSWORD } });
        expect(signIn.status).toBeGreaterThanOrEqual(500);
        expect(JSON.stringify(signIn.json)).not.toMatch(/injected fault|trigger/);
        expect(await storedState(s, anonymous.user.id)).toEqual(before);
        expect(await s.database.listSessionsForUser(real.id)).toHaveLength(realSessions);
      } finally {
        await dataSource.query(sqlite ? 'DROP TRIGGER refuse_anonymous_delete' : 'DROP TRIGGER refuse_anonymous_delete ON users');
        if (!sqlite) await dataSource.query('DROP FUNCTION refuse_anonymous_delete()');
      }
    });
  }
});
