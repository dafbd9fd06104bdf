import { Inject, Injectable } from '@nestjs/common';
import { AUTH } from './tokens';
import type { AnyAuth } from './options';

/**
 * The auth instance for the app's own services, with the typed in-process API. Name your instance's type
 * to get its plugins' methods: `constructor(private readonly auth: AuthService<typeof appAuth>) {}`.
 * @example
 * const current = await this.auth.api.getSession({ headers: request.headers });
 */
@Injectable()
export class AuthService<A extends AnyAuth = AnyAuth> {
  constructor(@Inject(AUTH) readonly instance: A) {}

  /** `auth.api`: the engine's flows and every plugin's. */
  get api(): A['api'] {
    return this.instance.api;
  }
}
