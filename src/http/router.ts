import type { RouteDefinition } from './route';

/** Finds the route for a method and path in O(1); knows which paths exist, for 404 versus 405. */
export class Router {
  private readonly routes = new Map<string, RouteDefinition>();
  private readonly paths = new Map<string, string[]>();

  constructor(routes: readonly RouteDefinition[]) {
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      if (this.routes.has(key)) throw new Error(`Two plugins mount ${key}; each route may be mounted once.`);
      this.routes.set(key, route);
      this.paths.set(route.path, [...(this.paths.get(route.path) ?? []), route.method]);
    }
  }

  find(method: string, path: string): RouteDefinition | undefined {
    return this.routes.get(`${method === 'HEAD' ? 'GET' : method} ${path}`);
  }

  /** The methods a path answers to; empty when the path is unknown. */
  methodsFor(path: string): string[] {
    return this.paths.get(path) ?? [];
  }

  all(): RouteDefinition[] {
    return [...this.routes.values()];
  }
}
