import { AuthError } from '../errors/auth-error';

// A UTF-16 surrogate without its partner: no character at all. Validators that re-encode text throw on it
// (`URIError`), and every database stores it differently, or not at all.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 controls but tab, line feed and carriage return, and DEL: PostgreSQL refuses NUL in text and JSON, and
// the others only ever hide text from the person reading it (names, addresses, URLs).
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Refuses a request whose body or query holds text no backend can store faithfully: ill-formed Unicode or a
 * control character, in any value or key at any depth. Checked once, where input enters, so every route,
 * validator and adapter after it only ever sees well-formed text; the answer is 400 `VALIDATION_ERROR`
 * naming the field, never a 500 from somewhere deep.
 * @example
 * assertWellFormedInput({ name: 'nul\u0000' }); // throws VALIDATION_ERROR "name: …"
 */
export function assertWellFormedInput(input: Record<string, unknown>): void {
  // Walked with a stack, not recursion: a deeply nested body must not overflow the call stack.
  const pending: Array<[unknown, string]> = [[input, '']];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (!isCleanText(value)) refuse(path);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (!isCleanText(key)) refuse(path || 'body');
        pending.push([child, childPath]);
      }
    }
  }
}

function isCleanText(text: string): boolean {
  return !LONE_SURROGATE.test(text) && !CONTROL_CHARACTER.test(text);
}

function refuse(field: string): never {
  const message = 'must be well-formed text without control characters';
  throw new AuthError('VALIDATION_ERROR', `${field}: ${message}`, [{ field, messages: [message] }]);
}
