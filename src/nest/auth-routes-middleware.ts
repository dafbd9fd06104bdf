import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fromNodeRequest, sendNodeResponse } from '../http/node/node-adapter';
import { AUTH } from './tokens';
import type { AnyAuth } from './options';

/**
 * Serves the auth routes inside Nest. `AuthModule` applies it to every path below Nest's global prefix, so the
 * prefix applies as it does to the app's controllers; requests outside the base path go on untouched. Nest hands
 * middleware the `node:http` objects on both platforms (Express's own, Fastify's `raw` ones), so one adapter
 * serves both; on Express the body Nest's parser already read is used as is.
 */
@Injectable()
export class AuthRoutesMiddleware implements NestMiddleware {
  private readonly basePath: string;

  constructor(@Inject(AUTH) private readonly auth: AnyAuth) {
    this.basePath = auth.context.config.basePath;
  }

  async use(request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): Promise<void> {
    // Every request below the prefix passes here: the app's own go on after a string check, nothing more.
    if (!isBelow(pathOf(request), this.basePath)) return next();
    try {
      sendNodeResponse(await this.auth.handle(fromNodeRequest(request)), response);
    } catch (error) {
      next(error);
    }
  }
}

/** The path as the client sent it (Express's `originalUrl` survives its mounting), without the query. */
function pathOf(request: IncomingMessage & { originalUrl?: string }): string {
  const url = request.originalUrl ?? request.url ?? '/';
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}

const isBelow = (path: string, basePath: string) => path === basePath || path.startsWith(`${basePath}/`);
