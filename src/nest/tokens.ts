/** The injection token of the built `Auth` instance: `@Inject(AUTH) auth: typeof appAuth`. */
export const AUTH = Symbol.for('better-auth-entities.nest.auth');

/** The injection token of the resolved `AuthModule` options (the guard reads the org-role seam from it). */
export const AUTH_MODULE_OPTIONS = Symbol.for('better-auth-entities.nest.options');

/** Route metadata the decorators set and the guard reads. */
export const PUBLIC_ROUTE = 'better-auth-entities:public';
export const OPTIONAL_AUTH = 'better-auth-entities:optional-auth';
export const REQUIRED_ROLES = 'better-auth-entities:roles';
export const REQUIRED_ORG_ROLES = 'better-auth-entities:org-roles';
