import type { AuthContext } from '../../core/auth-context';
import { AuthError } from '../../errors/auth-error';
import { CREDENTIAL_PROVIDER } from '../../core/credential-account';
import type { UnlinkAccountDto } from './dtos';

/**
 * Removes one of the user's own accounts. Refuses (unless `allowUnlinkingAll`) when nothing that can sign
 * the user in would be left: another provider's account, or a credential account with a password.
 *
 * Two concurrent unlinks could each see the other account still there and both delete. So the delete and
 * the re-count run in one transaction, and the count is taken after the delete: whichever request sees
 * nothing left rolls its own delete back, and at least one way in always survives.
 */
export async function unlinkAccount(auth: AuthContext, userId: string, dto: UnlinkAccountDto, allowUnlinkingAll: boolean): Promise<void> {
  if (dto.accountId === undefined && dto.providerId === undefined) {
    throw new AuthError('VALIDATION_ERROR', 'Give accountId, providerId, or both', [{ field: 'accountId', messages: ['accountId or providerId is required'] }]);
  }
  const model = auth.models.account;
  const own = await auth.db.listAccountsForUser(userId);
  // Only among the caller's own accounts: another user's account id matches nothing here.
  const target = own.find((account) =>
    dto.providerId === undefined
      ? model.read(account, 'id') === dto.accountId
      : model.read(account, 'providerId') === dto.providerId &&
        (dto.accountId === undefined || model.read(account, 'accountId') === dto.accountId || model.read(account, 'id') === dto.accountId),
  );
  if (!target) throw new AuthError('ACCOUNT_NOT_FOUND');
  const targetId = model.read(target, 'id');

  await auth.db.transaction(async (tx) => {
    await tx.deleteAccount(targetId);
    if (allowUnlinkingAll) return;
    const remaining = await tx.listAccountsForUser(userId);
    if (!remaining.some((account) => canSignIn(auth, account))) throw new AuthError('FAILED_TO_UNLINK_LAST_ACCOUNT');
  });
}

function canSignIn(auth: AuthContext, account: object): boolean {
  if (auth.models.account.read(account, 'providerId') !== CREDENTIAL_PROVIDER) return true;
  const password = auth.models.account.read(account, 'password');
  return typeof password === 'string' && password !== '';
}
