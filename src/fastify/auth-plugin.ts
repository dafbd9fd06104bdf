import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Auth } from '../auth';
import { fromFastifyRequest, sendFastifyReply } from './fastify-adapter';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * A Fastify plugin serving every auth route below the instance's base path, and declaring `request.auth`
 * (filled by `requireSession` / `optionalSession`).
 * @example
 * await app.register(authPlugin(auth));
 * app.get('/api/profile', { preHandler: requireSession(auth) }, async (request) => ({ plan: request.auth!.user.plan }));
 */
export function authPlugin<U extends object, S extends object>(auth: Auth<U, S>): FastifyPluginAsync {
  const plugin: FastifyPluginAsync = async (app: FastifyInstance) => {
    app.decorateRequest('auth', null);
    // The routes live in a scope of their own, whose only body parser keeps the raw text for the engine;
    // the app's own parsers stay as they are.
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
      const handler = async (request: Parameters<typeof fromFastifyRequest>[0], reply: Parameters<typeof sendFastifyReply>[1]) =>
        sendFastifyReply(await auth.handle(fromFastifyRequest(request)), reply);
      const basePath = auth.context.config.basePath;
      scope.route({ method: METHODS, url: basePath, handler });
      scope.route({ method: METHODS, url: `${basePath}/*`, handler });
    });
  };
  // What fastify-plugin does: `decorateRequest` then reaches the app itself, not only this plugin's scope.
  Object.assign(plugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'better-auth-entities' });
  return plugin;
}
