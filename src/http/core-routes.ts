import { defineRoute, type RouteDefinition } from './route';

/** Routes every auth instance mounts, whatever its plugins. */
export function coreRoutes(): RouteDefinition[] {
  return [
    defineRoute({ method: 'GET', path: '/ok', summary: 'Health check', handle: async () => ({ ok: true }) }),
  ];
}
