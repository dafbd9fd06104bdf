import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { AuthError } from '../errors/auth-error';

/** A DTO class: class-validator decorators on its properties describe a valid body. */
export type DtoClass<T extends object = object> = new () => T;

/**
 * Turns a parsed body into a validated DTO instance, or throws `VALIDATION_ERROR` naming every failed field.
 * Properties the DTO does not declare stay on the raw body only: routes that accept custom entity fields read
 * them from there, through the entity model's list of input fields.
 */
export async function validateDto<T extends object>(dto: DtoClass<T>, body: Record<string, unknown>): Promise<T> {
  const instance = plainToInstance(dto, body, { excludeExtraneousValues: false, enableImplicitConversion: false });
  const errors = await validate(instance, { whitelist: true, forbidUnknownValues: true, validationError: { target: false, value: false } });
  if (errors.length > 0) {
    const details = flatten(errors);
    throw new AuthError('VALIDATION_ERROR', details.map((detail) => `${detail.field}: ${detail.messages.join(', ')}`).join('; '), details);
  }
  return instance;
}

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; messages: string[] }> {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
