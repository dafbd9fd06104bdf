import type { AuthContext } from '../../core/auth-context';
import type { RequestHooks } from '../../http/request-hooks';
import type { RouteDefinition } from '../../http/route';
import type { PluginSchema } from '../../schema/auth-schema';
import { builtPart, type AuthPlugin } from '../auth-plugin';
import { KeyRing } from './key-ring';
import type { JwtClaims, PublishedKey, VerifyExpectations } from './jwt-types';
import { resolveJwtOptions, type JwtOptions, type ResolvedJwtOptions } from './options';
import { jwksRoute, tokenRoute } from './routes';
import { JWT_HEADER, sessionJwtHeader } from './session-header';
import { jwksModel, jwksTable } from './schema';
import { TokenSigner } from './token-signer';

/**
 * JWTs for services (better-auth's `jwt` plugin, for its `jwtClient`): `GET /token` answers a signed JWT of
 * the caller's session, get-session adds it as `set-auth-jwt`, and `GET /jwks` publishes the public keys, so
 * a service verifies tokens without calling back. Keys are Ed25519 by default (ES256, ES512, PS256, RS256 on
 * request), made on first use, their private halves sealed with the auth secret in the `jwks` table; with
 * `rotationInterval` a new key takes over and the old one stays published for `gracePeriod`. A JWT is never a
 * session credential: presented as a Bearer token it opens nothing.
 * @example
 * const auth = new BetterAuth(config).database(db).plugin(new JwtPlugin({ jwt: { expirationTime: '15m' } })).build();
 * const { token } = await (await fetch(`${base}/api/auth/token`, { headers: { cookie } })).json();
 */
export class JwtPlugin implements AuthPlugin {
  readonly id = 'jwt';
  readonly options: ResolvedJwtOptions;
  readonly schema: PluginSchema;
  readonly exposedHeaders = [JWT_HEADER];
  readonly hooks: RequestHooks;
  private ring: KeyRing | undefined;
  private tokens: TokenSigner | undefined;

  constructor(options: JwtOptions = {}) {
    this.options = resolveJwtOptions(options);
    this.schema = { tables: { [jwksModel.model]: jwksTable(this.options.tableNames) } };
    this.hooks = this.options.setJwtHeader ? { after: [sessionJwtHeader(() => this.signer, this.options)] } : {};
  }

  init(auth: AuthContext): void {
    // Asked for now, so an adapter that stores no plugin tables fails when the instance is built.
    auth.records(jwksModel);
    this.ring = new KeyRing(auth, this.options);
    this.tokens = new TokenSigner(auth, this.ring, this.options);
  }

  private get keys(): KeyRing {
    return builtPart('JwtPlugin', this.ring);
  }

  private get signer(): TokenSigner {
    return builtPart('JwtPlugin', this.tokens);
  }

  routes(): RouteDefinition[] {
    return [tokenRoute(this.signer, this.options), jwksRoute(this.keys, this.options)];
  }

  api() {
    return {
      jwt: {
        /**
         * Signs `payload` with the current key (`iat`, `exp`, `iss`, `aud` default from the options).
         * @example await auth.api.jwt.sign({ sub: userId, scope: 'reports:read' })
         */
        sign: (payload: JwtClaims): Promise<string> => this.signer.sign(payload),
        /**
         * The claims of a token signed with a published key of this instance, or `null` (bad signature, unknown
         * key, wrong issuer or audience, expired, no `sub`).
         * @example const claims = await auth.api.jwt.verify(token); if (!claims) throw new Error('unauthorised');
         */
        verify: (token: string, expect?: VerifyExpectations): Promise<JwtClaims | null> => this.signer.verify(token, expect),
        /** The public key set, as `GET /jwks` answers it. */
        jwks: async (): Promise<{ keys: PublishedKey[] }> => ({ keys: await this.keys.publishedKeys() }),
        /** Retires the signing key now and makes the next one (the old one verifies for the grace period). */
        rotate: (): Promise<{ kid: string }> => this.keys.rotate(),
      },
    };
  }
}
