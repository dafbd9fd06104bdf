import { claimAddress } from 'better-auth-entities';
import { describeOnEveryBackend } from '../support/backends';
import { call, signUp } from '../support/test-auth';

describeOnEveryBackend('claimAddress', (backend) => {
  it('on a user whose address was never verified removes every account and session, then marks it verified', async () => {
    const { auth, database } = backend.makeAuth();
    const squatter = await signUp(auth.handler);
    const userId = squatter.user.id as string;

    const claim = await claimAddress(auth.context, userId, (tx) => tx.createAccount({ userId, providerId: 'sso', accountId: 'sso-1' }));

    expect(claim.cleared).toBe(true);
    expect(claim.user).toMatchObject({ id: userId, emailVerified: true });
    expect((await database.listAccountsForUser(userId)).map((account) => account.providerId)).toEqual(['sso']);
    expect(await database.listSessionsForUser(userId)).toEqual([]);
    expect((await call(auth.handler, 'GET', '/get-session', { cookie: squatter.cookie })).json?.session).toBeUndefined();
  });

  it('on a verified user changes nothing but runs the flow write', async () => {
    const { auth, database } = backend.makeAuth();
    const owner = await signUp(auth.handler);
    const userId = owner.user.id as string;
    await database.updateUser(userId, { emailVerified: true });

    const claim = await claimAddress(auth.context, userId, (tx) => tx.createAccount({ userId, providerId: 'sso', accountId: 'sso-2' }));

    expect(claim.cleared).toBe(false);
    expect((await database.listAccountsForUser(userId)).map((account) => account.providerId).sort()).toEqual(['credential', 'sso']);
    expect((await call(auth.handler, 'GET', '/get-session', { cookie: owner.cookie })).status).toBe(200);
  });

  it('leaves the password, the sessions and the unverified address as they were when the database fails midway', async () => {
    const { auth, database } = backend.makeAuth();
    const squatter = await signUp(auth.handler);
    const userId = squatter.user.id as string;

    const failing = claimAddress(auth.context, userId, async () => {
      throw new Error('the database went away');
    });

    await expect(failing).rejects.toThrow('the database went away');
    expect((await database.listAccountsForUser(userId)).map((account) => account.providerId)).toEqual(['credential']);
    expect((await database.getUserById(userId))?.emailVerified).toBe(false);
    expect((await call(auth.handler, 'GET', '/get-session', { cookie: squatter.cookie })).status).toBe(200);
  });

  it('runs the address-claimed listeners inside the claim, and a listener that fails leaves the password and sessions in place', async () => {
    const { auth, database } = backend.makeAuth();
    const squatter = await signUp(auth.handler);
    const userId = squatter.user.id as string;
    const seen: string[] = [];
    auth.context.hooks.onAddressClaimed(async ({ userId: claimed, tx }) => {
      seen.push(claimed);
      expect(await tx.listAccountsForUser(claimed)).toEqual([]);
      throw new Error('a plugin could not remove its rows');
    });

    await expect(claimAddress(auth.context, userId)).rejects.toThrow('a plugin could not remove its rows');
    expect(seen).toEqual([userId]);
    expect((await database.listAccountsForUser(userId)).map((account) => account.providerId)).toEqual(['credential']);
    expect((await database.getUserById(userId))?.emailVerified).toBe(false);
    expect((await call(auth.handler, 'GET', '/get-session', { cookie: squatter.cookie })).status).toBe(200);
  });

  it('answers a null user for a user that no longer exists, writing nothing', async () => {
    const { auth } = backend.makeAuth();
    const write = jest.fn();
    expect(await claimAddress(auth.context, 'no-such-user', write)).toEqual({ user: null, cleared: false });
    expect(write).not.toHaveBeenCalled();
  });
});
