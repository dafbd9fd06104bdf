import { defineRoute, type RouteDefinition } from './route';

/**
 * `GET /health`, mounted when `AuthConfig.health.route` is on: the readiness report of `auth.health()`, with
 * 503 when the database is down, so a load balancer or Kubernetes readiness probe takes the instance out
 * of rotation; `degraded` (secondary storage away, sessions served from the database) stays 200.
 */
export function healthRoute(mounted: boolean): RouteDefinition[] {
  if (!mounted) return [];
  return [
    defineRoute({
      method: 'GET',
      path: '/health',
      summary: 'Readiness: the database and the secondary storage, up, degraded or down',
      handle: async (ctx) => {
        const report = await ctx.auth.health();
        if (report.status === 'down') ctx.response.status = 503;
        return report;
      },
    }),
  ];
}
