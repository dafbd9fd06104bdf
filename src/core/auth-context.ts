import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { ResolvedConfig } from '../config/resolve-config';
import { CookieSigner } from '../crypto/cookie-signer';
import { SessionCookies } from './session-cookies';
import { SessionService } from './session-service';

/**
 * What every plugin and route reaches: the resolved configuration, the database, and the services built on
 * them. Built once per auth instance; nothing in it is per request.
 */
export class AuthContext {
  readonly signer: CookieSigner;
  readonly cookies: SessionCookies;
  readonly sessions: SessionService;

  constructor(
    readonly config: ResolvedConfig,
    readonly db: DatabaseAdapter,
  ) {
    this.signer = new CookieSigner(config.secret);
    this.cookies = new SessionCookies(config, this.signer);
    this.sessions = new SessionService(config, db);
  }

  get hasher() {
    return this.config.passwordHasher;
  }

  get models() {
    return this.db.models;
  }
}
