import type { AuthContext } from '../../core/auth-context';
import { CachedSessionStore } from '../../core/cached-session-store';
import type { DatabaseHooks } from '../../core/database-hooks';
import type { SecondaryStorage } from '../../core/secondary-storage';
import type { RouteDefinition } from '../../http/route';
import { builtPart, type AuthPlugin } from '../auth-plugin';

// Revocation marks outlive any session they could concern.
const MIN_REVOCATION_TTL_SECONDS = 24 * 60 * 60;

/**
 * Puts sessions (with their user) in the secondary storage, in front of the database: mounted by
 * `BetterAuth.build()` when `AuthConfig.secondaryStorage` is set. It installs the cached session store and
 * drops a user's cached sessions whenever the user changes, so a changed role or a ban is seen at once.
 */
export class SecondaryStoragePlugin implements AuthPlugin {
  readonly id = 'secondary-storage';
  private store: CachedSessionStore | undefined;

  constructor(private readonly storage: SecondaryStorage) {}

  init(auth: AuthContext): void {
    const revocationTtlSeconds = Math.max(MIN_REVOCATION_TTL_SECONDS, Math.ceil(auth.config.session.expiresInMs / 1000));
    auth.useSessionStore((database) => {
      this.store = new CachedSessionStore(database, this.storage, auth.models, auth.config.logger, { revocationTtlSeconds });
      return this.store;
    });
  }

  routes(): RouteDefinition[] {
    return [];
  }

  readonly databaseHooks: DatabaseHooks = {
    user: {
      update: { after: async (record) => this.userChanged(record.id) },
      delete: { after: async (record) => this.userChanged(record.id) },
    },
  };

  close(): void {
    this.store?.close();
  }

  private async userChanged(userId: string | undefined): Promise<void> {
    if (userId) await builtPart('SecondaryStoragePlugin', this.store).userChanged(String(userId));
  }
}
