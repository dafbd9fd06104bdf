import type { Auth } from '../auth';
import type { FieldAttributesOf } from './field-attributes';

/** The user fields better-auth's client types on its own (its `User`): left to it. */
type ClientUserFields = 'id' | 'email' | 'name' | 'emailVerified' | 'image' | 'createdAt' | 'updatedAt';
/** The session fields better-auth's client types on its own (its `Session`). */
type ClientSessionFields = 'id' | 'token' | 'userId' | 'expiresAt' | 'ipAddress' | 'userAgent' | 'createdAt' | 'updatedAt';
/**
 * Standard user fields that plugins set on the server (two-factor, admin): in answers, never in a sign-up or
 * update-user body. `username` and `displayUsername` are input (the username plugin takes them).
 */
type ServerSetUserFields = 'twoFactorEnabled' | 'role' | 'banned' | 'banReason' | 'banExpires' | 'metadata' | 'isAnonymous';

/** The app's user class of a built instance (`typeof auth`). */
export type UserOf<T> = T extends Auth<infer U, infer _S, infer _A> ? U : never;
/** The app's session class of a built instance (`typeof auth`). */
export type SessionOf<T> = T extends Auth<infer _U, infer S, infer _A> ? S : never;

/**
 * The server side the official client infers from, in the shape of a better-auth server plugin's `schema`:
 * the user and session fields the app's classes add.
 */
export interface AuthEntitiesServerSchema<T, Remapped extends PropertyKey> {
  id: 'auth-entities';
  schema: {
    user: { fields: FieldAttributesOf<UserOf<T>, ClientUserFields, ServerSetUserFields, Remapped> };
    // No route lets a client write session fields: every one is an answer only.
    session: { fields: FieldAttributesOf<SessionOf<T>, ClientSessionFields, PropertyKey, Remapped> };
  };
}

/** The plugin object `inferAuthEntities` returns: an id for the client, and types only behind `$InferServerPlugin`. */
export interface AuthEntitiesClientPlugin<T, Remapped extends PropertyKey = never> {
  id: 'auth-entities';
  $InferServerPlugin: AuthEntitiesServerSchema<T, Remapped>;
}

/**
 * A better-auth client plugin that types the official client with the app's own entity classes:
 * `session.user.plan`, `session.session.deviceLabel`, and the custom fields `signUp.email` and `updateUser`
 * accept, each with its property's type (`'free' | 'pro'` stays that union). Fields no request may set
 * (declare them `readonly` in the class, besides `@AuthField({ input: false })`) are typed in answers only.
 *
 * It costs the browser nothing: the value is a two-key object, and the server's types arrive through
 * `import type` alone. A property that holds a standard field under another name (`@AuthField('name')
 * displayName`) goes out as the standard name, so name it in `Remapped` to keep it out of the types.
 * @example
 * import { createAuthClient } from 'better-auth/client';
 * import { inferAuthEntities } from 'better-auth-entities/client';
 * import type { auth } from './server/auth';
 *
 * const client = createAuthClient({ plugins: [inferAuthEntities<typeof auth>()] });
 * const { data } = await client.getSession();
 * const plan: 'free' | 'pro' | undefined = data?.user.plan;
 * await client.signUp.email({ email, password, name, plan: 'pro' });
 */
export function inferAuthEntities<T, Remapped extends PropertyKey = never>(): AuthEntitiesClientPlugin<T, Remapped> {
  // The phantom is never read at run time: better-auth's client only looks at `$InferServerPlugin` in types.
  return { id: 'auth-entities', $InferServerPlugin: {} as AuthEntitiesServerSchema<T, Remapped> };
}
