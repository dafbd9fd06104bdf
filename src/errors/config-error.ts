/** Thrown at build time for a configuration the engine refuses to run with. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
