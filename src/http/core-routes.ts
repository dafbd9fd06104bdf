import { IsBoolean } from 'class-validator';
import { buildOpenApiDocument, type OpenApiDocument } from '../openapi/build-openapi-document';
import { defineRoute, type RouteDefinition } from './route';
import { healthRoute } from './health-route';

/** Answer of `GET /ok`. */
class OkResponse {
  @IsBoolean() ok!: boolean;
}

/**
 * Routes every auth instance mounts, whatever its plugins. `allRoutes` gives the finished route table
 * (known only once every plugin has added its routes), from which the API reference is generated.
 */
export function coreRoutes(allRoutes: () => readonly RouteDefinition[], health = false): RouteDefinition[] {
  // Built on first request and kept: the route table never changes after build().
  let reference: OpenApiDocument | undefined;
  return [
    defineRoute({ method: 'GET', path: '/ok', summary: 'Liveness check', response: { body: OkResponse }, handle: async () => ({ ok: true }) }),
    ...healthRoute(health),
    defineRoute({
      method: 'GET',
      path: '/reference/openapi.json',
      summary: 'This API as an OpenAPI 3.1 document, generated from the route table',
      handle: async (ctx) => {
        reference ??= buildOpenApiDocument(ctx.auth, allRoutes());
        return reference;
      },
    }),
  ];
}
