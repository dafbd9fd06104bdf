import { AuthField, AuthUser, BaseUser, configureEntities } from 'better-auth-entities/entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { makeLifecycleAuth } from '../support/lifecycle-auth';
import { call, PASSWORD, signUp, uniqueEmail } from '../support/test-auth';

@AuthUser()
class LimitedUser extends BaseUser {
  @AuthField({ type: 'string' }) bio!: string | null;
  @AuthField({ type: 'json' }) preferences!: Record<string, unknown> | null;
  @AuthField({ type: 'string', maxLength: 10 }) nickname!: string | null;
  @AuthField({ type: 'string', maxLength: 5000 }) essay!: string | null;
}

describe('custom input fields have limits', () => {
  it('sign-up answers 400 VALIDATION_ERROR for a 10,000-character string and a 900 KB JSON value, and creates no user', async () => {
    const setup = makeLifecycleAuth({ userClass: LimitedUser });
    for (const extra of [{ bio: 'x'.repeat(10_000) }, { preferences: { blob: 'y'.repeat(900_000) } }]) {
      const email = uniqueEmail('big');
      const result = await call(setup.auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'Big', ...extra } });
      expect([Object.keys(extra)[0], result.status, result.json.code]).toEqual([Object.keys(extra)[0], 400, 'VALIDATION_ERROR']);
      expect(await setup.database.getUserByEmail(email)).toBeNull();
    }
  });

  it('the defaults let ordinary values through: 255 characters, 16 KiB of JSON', async () => {
    const setup = makeLifecycleAuth({ userClass: LimitedUser });
    const { user } = await signUp(setup.auth.handler, uniqueEmail(), { bio: 'b'.repeat(255), preferences: { theme: 'dark', blob: 'z'.repeat(16_000) } });
    expect(user.bio).toHaveLength(255);
    const over = await call(setup.auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'X', bio: 'b'.repeat(256) } });
    expect(over.status).toBe(400);
  });

  it('a field’s own maxLength replaces the default, on sign-up and update-user', async () => {
    const setup = makeLifecycleAuth({ userClass: LimitedUser });
    const { token } = await signUp(setup.auth.handler, uniqueEmail(), { essay: 'e'.repeat(5000) });
    const tooLong = await call(setup.auth.handler, 'POST', '/update-user', { bearer: token, body: { nickname: 'n'.repeat(11) } });
    expect([tooLong.status, tooLong.json.code, tooLong.json.details?.[0]?.field]).toEqual([400, 'VALIDATION_ERROR', 'nickname']);
    const fits = await call(setup.auth.handler, 'POST', '/update-user', { bearer: token, body: { nickname: 'n'.repeat(10) } });
    expect(fits.status).toBe(200);
  });

  it('configureEntities additionalFields take a maxLength too', async () => {
    const entities = configureEntities({ user: { additionalFields: { motto: { type: 'string', maxLength: 5 }, settings: { type: 'json' } } } });
    const setup = makeLifecycleAuth({ database: new MemoryDatabaseAdapter(entities) as never });
    const motto = await call(setup.auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'M', motto: 'carpe diem' } });
    expect([motto.status, motto.json.code]).toEqual([400, 'VALIDATION_ERROR']);
    const settings = await call(setup.auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'S', settings: { x: 'y'.repeat(20_000) } } });
    expect([settings.status, settings.json.code]).toEqual([400, 'VALIDATION_ERROR']);
  });
});
