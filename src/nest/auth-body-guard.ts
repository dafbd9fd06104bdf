import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Nest's Express platform registers its JSON and URL-encoded body parsers when the app initialises, ahead of
 * every module middleware, so they would read an auth route's body before `AuthRoutesMiddleware` sees it: a
 * malformed body got Nest's own 400 without our `code`, and Nest's 100 KB limit applied instead of ours
 * (`maxBodyBytes`, 1 MiB). The engine must read its own bodies, with its own limit and errors.
 *
 * `hideAuthBody` runs before those parsers (it is registered on the adapter as soon as Nest creates it) and
 * puts the `content-type` of a request below the base path aside: parsers only read the types they know, so
 * they pass the stream on untouched. `restoreAuthBody` puts it back when `AuthRoutesMiddleware` serves the
 * request. Fastify parses after its `onRequest` middleware, so only Express needs this.
 */
const HIDDEN_CONTENT_TYPE = Symbol('better-auth-entities:content-type');

type MarkedRequest = IncomingMessage & { originalUrl?: string; [HIDDEN_CONTENT_TYPE]?: string };

/** Express-style middleware for the adapter, set up for one base path. */
export function hideAuthBody(basePath: string) {
  return function hideAuthBodyFromParsers(request: MarkedRequest, _response: ServerResponse, next: () => void): void {
    const contentType = request.headers['content-type'];
    if (contentType !== undefined && isBelow(pathOf(request), basePath)) {
      request[HIDDEN_CONTENT_TYPE] = contentType;
      delete request.headers['content-type'];
    }
    next();
  };
}

/** The request as the client sent it, before `AuthRoutesMiddleware` reads it. */
export function restoreAuthBody(request: IncomingMessage): void {
  const marked = request as MarkedRequest;
  const hidden = marked[HIDDEN_CONTENT_TYPE];
  if (hidden === undefined) return;
  marked.headers['content-type'] = hidden;
  delete marked[HIDDEN_CONTENT_TYPE];
}

/** The path as the client sent it (Express's `originalUrl` survives its mounting), without the query. */
export function pathOf(request: IncomingMessage & { originalUrl?: string }): string {
  const url = request.originalUrl ?? request.url ?? '/';
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}

export const isBelow = (path: string, basePath: string) => path === basePath || path.startsWith(`${basePath}/`);
