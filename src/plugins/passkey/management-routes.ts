import type { AuthContext } from '../../core/auth-context';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { StatusResponse } from '../../http/response-dtos';
import { DeletePasskeyDto, PasskeyResponse, UpdatePasskeyDto, UpdatePasskeyResponse } from './dtos';
import { PASSKEY_ERRORS } from './error-codes';
import { findPasskey, listPasskeys, passkeyRecords, type PasskeyRow } from './passkey-rows';

/** `GET /passkey/list-user-passkeys` → the caller's passkeys, oldest first. */
export function listPasskeysRoute(): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/passkey/list-user-passkeys',
    summary: "List the signed-in user's passkeys",
    session: 'required',
    response: { body: PasskeyResponse, array: true },
    handle: async (ctx) => {
      const { user } = await ctx.requireSession();
      return listPasskeys(ctx.auth, ctx.auth.models.user.read(user, 'id'));
    },
  });
}

/**
 * The caller's own passkey: 404 `PASSKEY_NOT_FOUND` when the id is unknown; another user's passkey is a 401,
 * with `YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY` as better-auth words it (where better-auth answers a
 * delete with an empty 401, this one carries the code too).
 */
async function ownPasskey(auth: AuthContext, userId: string, id: string): Promise<PasskeyRow> {
  const row = await findPasskey(auth, { id });
  if (!row) throw new AuthError(PASSKEY_ERRORS.PASSKEY_NOT_FOUND);
  if (row.userId !== userId) throw new AuthError(PASSKEY_ERRORS.YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY);
  return row;
}

/** `POST /passkey/update-passkey` `{ id, name }` → `{ passkey }`. */
export function updatePasskeyRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/passkey/update-passkey',
    summary: "Rename one of the signed-in user's passkeys",
    body: UpdatePasskeyDto,
    session: 'required',
    response: { body: UpdatePasskeyResponse },
    errors: [PASSKEY_ERRORS.PASSKEY_NOT_FOUND, PASSKEY_ERRORS.YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY, 'VALIDATION_ERROR'],
    handle: async (ctx, dto: UpdatePasskeyDto) => {
      const { user } = await ctx.requireSession();
      const userId = ctx.auth.models.user.read(user, 'id');
      const name = dto.name.trim();
      if (!name) throw new AuthError('VALIDATION_ERROR', 'name must not be blank');
      const row = await ownPasskey(ctx.auth, userId, dto.id);
      // The owner is part of the condition, so the row cannot change hands between the check and the write.
      if ((await passkeyRecords(ctx.auth).update({ id: row.id, userId }, { name })) !== 1) throw new AuthError(PASSKEY_ERRORS.PASSKEY_NOT_FOUND);
      return { passkey: { ...row, name } };
    },
  });
}

/** `POST /passkey/delete-passkey` `{ id }` → `{ status: true }`. */
export function deletePasskeyRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/passkey/delete-passkey',
    summary: "Delete one of the signed-in user's passkeys",
    body: DeletePasskeyDto,
    session: 'required',
    response: { body: StatusResponse },
    errors: [PASSKEY_ERRORS.PASSKEY_NOT_FOUND, PASSKEY_ERRORS.YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY],
    handle: async (ctx, dto: DeletePasskeyDto) => {
      const { user } = await ctx.requireSession();
      const userId = ctx.auth.models.user.read(user, 'id');
      const row = await ownPasskey(ctx.auth, userId, dto.id);
      await passkeyRecords(ctx.auth).deleteMany({ id: row.id, userId });
      return { status: true };
    },
  });
}
