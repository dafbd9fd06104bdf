/**
 * The few log calls the engine makes; `console` satisfies it, and so do pino and winston loggers. A pino
 * logger (`logger: pino()`) gets structured lines: `{ requestId, traceId, spanId, detail }` and the message
 * (see `src/observability/contextual-logger.ts`). `info` and `debug` are optional.
 */
export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info?(message: string, ...details: unknown[]): void;
  debug?(message: string, ...details: unknown[]): void;
}

/** Errors and warnings to the console; nothing at info level, so request data never lands in logs. */
export const consoleLogger: Logger = {
  error: (message, ...details) => console.error(`[better-auth-entities] ${message}`, ...details),
  warn: (message, ...details) => console.warn(`[better-auth-entities] ${message}`, ...details),
};
