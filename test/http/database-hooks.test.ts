import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthError, type DatabaseHookContext, type DatabaseHooks, type HookData } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import type { AppDatabase } from '../../examples/create-auth';
import { appEntities } from '../../examples/entities';
import { openDatabase } from '../../examples/open-database';
import { call, makeTestAuth, PASSWORD, signUp, uniqueEmail } from '../support/test-auth';

interface Storage {
  name: string;
  open(): Promise<AppDatabase>;
}

// Memory and one SQL backend: the hooks live above the adapter, so SQLite stands for the TypeORM family,
// and its real transactions prove that an abort inside sign-up's transaction rolls the user back.
const directory = mkdtempSync(join(tmpdir(), 'bae-hooks-'));
let sqlite: AppDatabase | undefined;
const STORAGES: Storage[] = [
  { name: 'memory adapter', open: async () => new MemoryDatabaseAdapter(appEntities) },
  {
    name: 'SQLite',
    open: async () => {
      sqlite ??= (await openDatabase([], { DATABASE_URL: `sqlite:${join(directory, 'auth.db')}` })).database;
      return sqlite;
    },
  },
];

afterAll(async () => {
  await sqlite?.close();
  rmSync(directory, { recursive: true, force: true });
});

describe.each(STORAGES)('database hooks ($name)', (storage) => {
  async function setup(databaseHooks: DatabaseHooks) {
    const database = await storage.open();
    return makeTestAuth({ database, config: { databaseHooks } });
  }

  it('a user create before hook returning false answers 422 DATABASE_HOOK_ABORTED and stores no user', async () => {
    const { auth, database } = await setup({ user: { create: { before: () => false } } });
    const email = uniqueEmail('refused');
    const result = await call(auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'Nobody' } });

    expect([result.status, result.json.code]).toEqual([422, 'DATABASE_HOOK_ABORTED']);
    expect(await database.getUserByEmail(email)).toBeNull();
  });

  it('an account create before hook returning false rolls back the user sign-up created in the same transaction', async () => {
    const { auth, database } = await setup({ account: { create: { before: () => false } } });
    const email = uniqueEmail('rolled-back');
    const result = await call(auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'Half' } });

    expect(result.status).toBe(422);
    expect(await database.getUserByEmail(email)).toBeNull();
  });

  it('a before hook returning { data } changes what is stored and answered', async () => {
    const { auth, database } = await setup({ user: { create: { before: (data) => ({ data: { name: String(data.name).toUpperCase() } }) } } });
    const { email, user } = await signUp(auth.handler, uniqueEmail('shout'), { name: 'ada lovelace' });

    expect(user.name).toBe('ADA LOVELACE');
    expect(await database.getUserByEmail(email)).toMatchObject({ displayName: 'ADA LOVELACE' });
  });

  it('a hook throwing an AuthError answers with its status and body and writes nothing', async () => {
    const { auth, database } = await setup({
      user: {
        create: {
          before: () => {
            throw new AuthError('FORBIDDEN', 'Sign-ups are closed');
          },
        },
      },
    });
    const email = uniqueEmail('closed');
    const result = await call(auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'Late' } });

    expect([result.status, result.json]).toEqual([403, { code: 'FORBIDDEN', message: 'Sign-ups are closed' }]);
    expect(await database.getUserByEmail(email)).toBeNull();
  });

  it('after hooks receive the stored record and the request with its address and headers', async () => {
    const seen: Array<{ record: HookData; context: DatabaseHookContext }> = [];
    const { auth } = await setup({ user: { create: { after: (record, context) => void seen.push({ record, context }) } } });
    const { user } = await signUp(auth.handler, uniqueEmail('after'));

    expect(seen).toHaveLength(1);
    expect(seen[0]!.record).toMatchObject({ id: user.id, email: user.email, plan: 'free', createdAt: expect.any(Date) });
    expect(seen[0]!.context.request).toMatchObject({ method: 'POST', path: '/api/auth/sign-up/email' });
    expect(seen[0]!.context.request!.header('origin')).toBe('http://localhost:3000');
    expect(seen[0]!.context.session).toBeNull();
  });

  it('update hooks see the changed fields, the record id and the current session, and may change the data', async () => {
    const seen: Array<{ data: HookData; context: DatabaseHookContext }> = [];
    const { auth, database } = await setup({
      user: {
        update: {
          before: (data, context) => {
            seen.push({ data, context });
            return { data: { name: `${String(data.name)} (checked)` } };
          },
        },
      },
    });
    const { token, user } = await signUp(auth.handler);
    const result = await call(auth.handler, 'POST', '/update-user', { bearer: token, body: { name: 'Grace' } });

    expect(result.status).toBe(200);
    expect(seen[0]!.data).toMatchObject({ name: 'Grace' });
    expect(seen[0]!.context.id).toBe(user.id);
    expect(seen[0]!.context.session?.user).toMatchObject({ id: user.id });
    expect(await database.getUserById(user.id)).toMatchObject({ displayName: 'Grace (checked)' });
  });

  it('a session delete before hook returning false keeps sign-out from ending the session', async () => {
    const { auth } = await setup({ session: { delete: { before: () => false } } });
    const { token } = await signUp(auth.handler);
    const signOut = await call(auth.handler, 'POST', '/sign-out', { bearer: token });

    expect([signOut.status, signOut.json.code]).toEqual([422, 'DATABASE_HOOK_ABORTED']);
    expect((await call(auth.handler, 'GET', '/get-session', { bearer: token })).json?.user?.id).toEqual(expect.any(String));
  });

  it('writes from server code run the hooks with no request', async () => {
    const contexts: DatabaseHookContext[] = [];
    const { auth } = await setup({ session: { create: { after: (_record, context) => void contexts.push(context) } } });
    await auth.api.signUpEmail({ email: uniqueEmail('api'), password: PASSWORD, name: 'Server' });

    expect(contexts).toEqual([{ request: null, session: null }]);
  });
});
