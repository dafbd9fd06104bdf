import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fromNodeRequest, sendNodeResponse } from '../http/node/node-adapter';
import { isBelow, pathOf, restoreAuthBody } from './auth-body-guard';
import { AUTH } from './tokens';
import type { AnyAuth } from './options';

/**
 * Serves the auth routes inside Nest. `AuthModule` applies it to every path below Nest's global prefix, so the
 * prefix applies as it does to the app's controllers; requests outside the base path go on untouched. Nest hands
 * middleware the `node:http` objects on both platforms (Express's own, Fastify's `raw` ones), so one adapter
 * serves both. On Express, Nest's body parsers were kept off these requests (see `auth-body-guard.ts`), so the
 * engine reads the body itself, with its own limit and errors.
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
    restoreAuthBody(request);
    try {
      sendNodeResponse(await this.auth.handle(fromNodeRequest(request)), response);
    } catch (error) {
      next(error);
    }
  }
}
