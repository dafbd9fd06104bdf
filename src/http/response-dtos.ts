import { IsBoolean, IsObject, IsString } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import type { EntitySchemaName } from '../openapi/json-schema';

// Answers are described the way bodies are: classes with class-validator decorators, read by the OpenAPI
// generator. Nothing validates an answer against them; they exist so the reference cannot drift from a
// hand-written copy. Entities are `$ref`s to the schemas generated from the app's own entity classes.

/** `#/components/schemas/<name>` for an entity schema of the API reference. */
export const entityRef = (name: EntitySchemaName) => ({ $ref: `#/components/schemas/${name}` });

/** `{ status: true }`: the answer of most state-changing routes. */
export class StatusResponse {
  @IsBoolean() status!: boolean;
}

/** `{ status: true, message }`. */
export class StatusMessageResponse {
  @IsBoolean() status!: boolean;
  @IsString() message!: string;
}

/** `{ success: true, message }` (the delete-user answers, as better-auth words them). */
export class SuccessMessageResponse {
  @IsBoolean() success!: boolean;
  @IsString() message!: string;
}

/** `{ status: true, user }`. */
export class StatusUserResponse {
  @IsBoolean() status!: boolean;
  @JSONSchema(entityRef('User')) @IsObject() user!: object;
}

/** Answer of every password sign-in (`POST /sign-in/email`, `/sign-in/username`): shared, so no plugin imports another's. */
export class SignInResponse {
  @IsBoolean() redirect!: boolean;
  @IsString() token!: string;
  @JSONSchema({ type: ['string', 'null'] }) @IsString() url!: string | null;
  @JSONSchema(entityRef('User')) @IsObject() user!: object;
}
