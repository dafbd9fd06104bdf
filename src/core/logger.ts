/** The few log calls the engine makes; `console` satisfies it, and so do pino and winston loggers. */
export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
}

/** Errors and warnings to the console; nothing at info level, so request data never lands in logs. */
export const consoleLogger: Logger = {
  error: (message, ...details) => console.error(`[better-auth-entities] ${message}`, ...details),
  warn: (message, ...details) => console.warn(`[better-auth-entities] ${message}`, ...details),
};
