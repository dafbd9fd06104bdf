import { Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { AuthField, AuthUser, BaseUser } from 'better-auth-entities/entities';
import { AdminPlugin, EmailPasswordPlugin } from 'better-auth-entities/plugins';
import { Browser } from '../support/browser';
import { ORIGIN, PASSWORD, TEST_SECRET, uniqueEmail } from '../support/test-auth';

/*
 * A rule whose answer takes I/O (a reserved-name lookup) is an asynchronous class-validator constraint.
 * `validateSync` skips those without a word, which let a reserved nickname through every write path.
 */

const lookups: string[] = [];

@ValidatorConstraint({ name: 'notReserved', async: true })
class NotReserved implements ValidatorConstraintInterface {
  async validate(value: unknown): Promise<boolean> {
    lookups.push(String(value));
    await new Promise((resolve) => setTimeout(resolve, 5)); // a lookup elsewhere
    return !['admin', 'root'].includes(String(value).toLowerCase());
  }
  defaultMessage(): string {
    return 'nickname is reserved';
  }
}

@AuthUser()
class RuledUser extends BaseUser {
  @AuthField({ type: 'string', nullable: true })
  @Validate(NotReserved)
  nickname!: string | null;
}

function buildAuth() {
  const database = new MemoryDatabaseAdapter({ user: RuledUser });
  const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN }).database(database).plugin(new EmailPasswordPlugin()).plugin(new AdminPlugin()).build();
  return { auth, database };
}

describe("asynchronous rules on the app's class", () => {
  it('sign-up with a value an async rule refuses is a 400 VALIDATION_ERROR naming field and constraint, and stores nothing', async () => {
    const { auth, database } = buildAuth();
    const email = uniqueEmail('async');
    const refused = await new Browser(auth.handler).post('/sign-up/email', { email, password: PASSWORD, name: 'Ada', nickname: 'admin' });
    expect([refused.status, refused.json.code]).toEqual([400, 'VALIDATION_ERROR']);
    expect(refused.json.details).toEqual([{ field: 'nickname', messages: ['nickname is reserved (notReserved)'] }]);
    expect(lookups).toContain('admin');
    expect(await database.getUserByEmail(email)).toBeNull();

    const accepted = await new Browser(auth.handler).post('/sign-up/email', { email, password: PASSWORD, name: 'Ada', nickname: 'ada' });
    expect(accepted.status).toBe(200);
    expect(((await database.getUserByEmail(email)) as RuledUser).nickname).toBe('ada');
  });

  it('update-user and admin create-user await the rule too, and change nothing when it refuses', async () => {
    const { auth, database } = buildAuth();
    const browser = new Browser(auth.handler);
    const email = uniqueEmail('async-update');
    await browser.post('/sign-up/email', { email, password: PASSWORD, name: 'Ada', nickname: 'ada' });
    const refused = await browser.post('/update-user', { nickname: 'Root' });
    expect([refused.status, refused.json.details?.[0]?.field]).toEqual([400, 'nickname']);
    expect(((await database.getUserByEmail(email)) as RuledUser).nickname).toBe('ada');

    const user = (await database.getUserByEmail(email))!;
    await database.updateUser(user.id, { role: 'admin' });
    const other = uniqueEmail('async-admin');
    const created = await browser.post('/admin/create-user', { email: other, password: PASSWORD, name: 'Bo', data: { nickname: 'admin' } });
    expect([created.status, created.json.code]).toEqual([400, 'VALIDATION_ERROR']);
    expect(await database.getUserByEmail(other)).toBeNull();
  });

  it('auth.api.signUpEmail awaits the rule unless the caller opts out', async () => {
    const { auth, database } = buildAuth();
    const email = uniqueEmail('async-api');
    await expect(auth.api.signUpEmail({ email, password: PASSWORD, name: 'Ada', nickname: 'admin' })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await database.getUserByEmail(email)).toBeNull();
    await auth.api.signUpEmail({ email, password: PASSWORD, name: 'Ada', nickname: 'admin' }, { validate: false });
    expect(((await database.getUserByEmail(email)) as RuledUser).nickname).toBe('admin');
  });
});
