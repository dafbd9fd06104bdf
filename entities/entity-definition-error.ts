/**
 * Thrown when an adapter is built with an entity class that breaks its kind's contract.
 * The message names the class, the field and the fix, because it is read at startup by a developer.
 */
export class EntityDefinitionError extends Error {
  constructor(
    readonly className: string,
    readonly field: string | null,
    detail: string,
  ) {
    super(`${className}${field ? `.${field}` : ''}: ${detail}`);
    this.name = 'EntityDefinitionError';
  }
}
