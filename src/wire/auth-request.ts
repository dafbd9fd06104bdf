/**
 * The request as the engine sees it, independent of the server: the Web `Request` adapter and the
 * `node:http` adapter both produce one, so the Node path never pays for building Web objects.
 */
export interface AuthRequest {
  /** Upper-case method. */
  readonly method: string;
  /** The path without the query string, e.g. `/api/auth/get-session`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** A header by lower-case name; repeated headers come joined with `, ` (cookies with `; `). */
  header(name: string): string | undefined;
  /** The raw body as text; rejects with `PAYLOAD_TOO_LARGE` past `limit` bytes without reading the rest. */
  readBody(limit: number): Promise<string>;
  /** The peer address of the connection, when the server knows it. */
  readonly remoteAddress: string | null;
}

/** The answer as the engine builds it; the adapters turn it into a Web `Response` or a Node reply. */
export interface AuthResponse {
  status: number;
  headers: Array<[string, string]>;
  /** JSON text, or `null` for an empty body (redirects). */
  body: string | null;
}
