import type { AuthContext } from '../core/auth-context';
import type { RouteDefinition } from '../http/route';
import { customInputSchema, entitySchema } from './entity-schemas';
import { ERROR_BODY_SCHEMA, type JsonSchema } from './json-schema';
import { openApiPath, routeOperation, SchemaRegistry } from './route-operation';

/** An OpenAPI 3.1 document, as plain JSON data. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
  /** Each error code the instance answers with: its status and default message. */
  'x-error-codes': Record<string, { status: number; message: string }>;
}

/**
 * The API reference of an auth instance, generated from its route table: every mounted route with its
 * parameters, body (from the DTO's class-validator decorators), answers and error codes; the entity schemas
 * from the app's own classes; the Bearer and cookie security schemes. Nothing in it is written by hand, so
 * it cannot drift from what the server does. Served at `GET /reference/openapi.json`.
 * @example
 * const document = buildOpenApiDocument(auth.context, auth.routes);
 * document.paths['/api/auth/sign-in/email'].post.requestBody; // { content: { 'application/json': { schema: { $ref: … } } } }
 */
export function buildOpenApiDocument(auth: AuthContext, routes: readonly RouteDefinition[]): OpenApiDocument {
  const registry = new SchemaRegistry({
    ErrorBody: ERROR_BODY_SCHEMA,
    User: entitySchema(auth.models.user),
    Session: entitySchema(auth.models.session),
  }, { user: customInputSchema(auth.models.user), ...(auth.models.organization ? { organization: customInputSchema(auth.models.organization) } : {}) });
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const path = `${auth.config.basePath}${openApiPath(route.path)}` || '/';
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = routeOperation(route, registry, auth.errors);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Auth API',
      version: '1.0.0',
      description: 'Served by better-auth-entities; wire-compatible with the better-auth client. Errors are `{ code, message }`.',
    },
    servers: [{ url: auth.config.baseURL.origin }],
    paths,
    // Every code the instance can answer with (the engine's and its plugins'), for clients that map codes to text.
    'x-error-codes': Object.fromEntries(auth.errors.all().map(({ code, status, message }) => [code, { status, message }])),
    components: {
      schemas: registry.schemas,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'The session token (raw, or signed as in `set-auth-token`)' },
        cookieAuth: { type: 'apiKey', in: 'cookie', name: auth.config.session.cookieName, description: 'The signed session cookie' },
      },
    },
  };
}
