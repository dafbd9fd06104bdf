/**
 * Which route paths (below the base path) a request hook or a rate-limit rule applies to: an exact path
 * (`/sign-in/email`), a prefix ending in `*` (`/sign-in/*` matches every way of signing in), a regular
 * expression, or a function.
 * @example
 * matchesPath('/sign-in/*', '/sign-in/email'); // true
 */
export type PathMatcher = string | RegExp | ((path: string) => boolean);

/** Whether `path` (a route path such as `/sign-in/email`) is one the matcher names. */
export function matchesPath(matcher: PathMatcher, path: string): boolean {
  if (typeof matcher === 'function') return matcher(path);
  if (matcher instanceof RegExp) {
    matcher.lastIndex = 0; // a global or sticky expression keeps state between calls
    return matcher.test(path);
  }
  return matcher.endsWith('*') ? path.startsWith(matcher.slice(0, -1)) : path === matcher;
}
