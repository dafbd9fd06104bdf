/**
 * `better-auth-entities/client`: browser-safe helpers for better-auth's official client. Nothing here imports
 * server code at run time, only its types.
 * @example
 * createAuthClient({ plugins: [inferAuthEntities<typeof auth>()] });
 */
export {
  inferAuthEntities,
  type AuthEntitiesClientPlugin,
  type AuthEntitiesServerSchema,
  type SessionOf,
  type UserOf,
} from './infer-auth-entities';
export type { AttributeTypeOf, FieldAttribute, FieldAttributesOf } from './field-attributes';
