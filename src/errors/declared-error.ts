/**
 * An error code a plugin declares: its HTTP status and default message, carried by the code itself so an
 * `AuthError` built from it always answers with the status the plugin chose.
 */
export interface DeclaredError<C extends string = string> {
  readonly code: C;
  readonly status: number;
  readonly message: string;
}

/** What a plugin writes: codes mapped to their status and message. */
export type ErrorTable = Readonly<Record<string, { readonly status: number; readonly message: string }>>;

/** The declared errors of a table, each knowing its own code. */
export type DeclaredErrors<T extends ErrorTable> = { readonly [C in keyof T & string]: DeclaredError<C> };

// Upper snake case, as better-auth's client `$ERROR_CODES` spell them; anything else is a typo.
const CODE_SHAPE = /^[A-Z][A-Z0-9_]*$/;

/**
 * Declares a plugin's error codes. Hand the result to the plugin's `errorCodes` (so the handler, the code→status
 * table and the OpenAPI document know them) and throw `new AuthError(ERRORS.SOME_CODE)`.
 * Follow better-auth's names where its client plugin defines them, so the official client shows them as is.
 * @example
 * export const AUDIT_ERRORS = defineErrorCodes({ AUDIT_LOG_DISABLED: { status: 403, message: 'The audit log is disabled' } });
 * throw new AuthError(AUDIT_ERRORS.AUDIT_LOG_DISABLED);
 */
export function defineErrorCodes<const T extends ErrorTable>(table: T): DeclaredErrors<T> {
  const declared: Record<string, DeclaredError> = {};
  for (const [code, { status, message }] of Object.entries(table)) {
    if (!CODE_SHAPE.test(code)) throw new TypeError(`Error code "${code}": use UPPER_SNAKE_CASE, as better-auth's clients do.`);
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new TypeError(`Error code ${code}: status ${status} is not a 4xx or 5xx.`);
    declared[code] = Object.freeze({ code, status, message });
  }
  return Object.freeze(declared) as DeclaredErrors<T>;
}
