import type { RouteDefinition } from './route';

/** Path parameters of a matched route (`/reset-password/:token` → `{ token }`); empty for static routes. */
export type RouteParams = Readonly<Record<string, string>>;

/** A route and the parameters its path pattern captured. */
export interface RouteMatch {
  readonly route: RouteDefinition;
  readonly params: RouteParams;
}

const NO_PARAMS: RouteParams = Object.freeze({});

/** A route whose path has `:name` segments, split once so matching compares segment by segment. */
interface PatternRoute {
  readonly route: RouteDefinition;
  readonly method: string;
  /** Literal segments as strings; parameter segments as `{ param }`. */
  readonly segments: ReadonlyArray<string | { param: string }>;
}

/**
 * Finds the route for a method and path. Static paths are one Map lookup (the hot path: get-session);
 * the few parameterised ones (`/reset-password/:token`) are tried after, only when no static route matched.
 * Knows which paths exist, for 404 versus 405.
 */
export class Router {
  private readonly statics = new Map<string, RouteMatch>();
  private readonly staticMethods = new Map<string, string[]>();
  private readonly patterns: PatternRoute[] = [];
  private readonly ordered: RouteDefinition[] = [];

  constructor(routes: readonly RouteDefinition[]) {
    const keys = new Set<string>();
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      if (keys.has(key)) throw new Error(`Two plugins mount ${key}; each route may be mounted once.`);
      keys.add(key);
      this.ordered.push(route);
      if (route.path.includes('/:')) {
        this.patterns.push({ route, method: route.method, segments: splitPattern(route.path) });
      } else {
        // One frozen match object per static route: a lookup allocates nothing.
        this.statics.set(key, Object.freeze({ route, params: NO_PARAMS }));
        this.staticMethods.set(route.path, [...(this.staticMethods.get(route.path) ?? []), route.method]);
      }
    }
  }

  find(method: string, path: string): RouteMatch | undefined {
    const effective = method === 'HEAD' ? 'GET' : method;
    const found = this.statics.get(`${effective} ${path}`);
    if (found || this.patterns.length === 0) return found;
    for (const pattern of this.patterns) {
      if (pattern.method !== effective) continue;
      const params = matchPattern(pattern.segments, path);
      if (params) return { route: pattern.route, params };
    }
    return undefined;
  }

  /** The methods a path answers to; empty when the path is unknown. */
  methodsFor(path: string): string[] {
    const methods = new Set(this.staticMethods.get(path) ?? []);
    for (const pattern of this.patterns) if (matchPattern(pattern.segments, path)) methods.add(pattern.method);
    return [...methods];
  }

  all(): RouteDefinition[] {
    return [...this.ordered];
  }
}

function splitPattern(path: string): Array<string | { param: string }> {
  return path
    .split('/')
    .slice(1)
    .map((segment) => (segment.startsWith(':') ? { param: segment.slice(1) } : segment));
}

/** The parameters when `path` fits the pattern; a parameter takes one non-empty, URL-decoded segment. */
function matchPattern(segments: PatternRoute['segments'], path: string): RouteParams | null {
  const parts = path.split('/').slice(1);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index];
    const part = parts[index];
    if (typeof segment === 'string') {
      if (segment !== part) return null;
      continue;
    }
    if (part === '') return null;
    try {
      params[segment.param] = decodeURIComponent(part);
    } catch {
      return null; // malformed percent-encoding matches nothing: a 404, not a 500
    }
  }
  return params;
}
