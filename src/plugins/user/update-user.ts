import { customInput } from '../../core/custom-input';
import { userJson } from '../../core/entity-json';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { StatusUserResponse } from '../../http/response-dtos';
import { UpdateUserDto } from './dtos';

/**
 * `POST /update-user` `{ name?, image?, …custom input fields }` → `{ status: true, user }`. Only the profile
 * and the user class's input fields can change: `email` is refused (change-email verifies it), and the
 * password, role, verification flag and `input: false` fields are never read from the body.
 */
export function updateUserRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/update-user',
    summary: "Update the caller's profile and custom input fields",
    body: UpdateUserDto,
    customInputOf: 'user',
    session: 'required',
    response: { body: StatusUserResponse },
    errors: ['EMAIL_CAN_NOT_BE_UPDATED'],
    handle: async (ctx, dto) => {
      const { user } = await ctx.requireSession();
      if (ctx.body.email !== undefined) throw new AuthError('EMAIL_CAN_NOT_BE_UPDATED');
      const userId = ctx.auth.models.user.read(user, 'id');
      const changes: Record<string, unknown> = {
        ...(await customInput(ctx.auth.models.user, ctx.body, { standardValues: { name: dto.name, image: dto.image } })),
        ...(await ctx.auth.hooks.userInput(ctx.body, { via: 'update-user', userId })),
      };
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.image !== undefined) changes.image = dto.image;
      if (Object.keys(changes).length === 0) throw new AuthError('VALIDATION_ERROR', 'No fields to update');
      const updated = await ctx.auth.db.updateUser(userId, changes);
      if (!updated) throw new AuthError('UNAUTHORIZED'); // deleted while this request ran
      return { status: true, user: userJson(ctx.auth, updated) };
    },
  });
}
