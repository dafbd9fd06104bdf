import { AuthField } from '../decorators/auth-field';
import type { FieldType } from '../field-contracts';
import { typeorm, type TypeOrmModule } from './optional-typeorm';

/** How a base class describes one of its standard columns. */
export interface StandardColumnOptions {
  /** Column name in SQL (snake_case, as in the shipped migrations). */
  name: string;
  type: FieldType;
  nullable?: boolean;
  primary?: boolean;
  unique?: boolean;
  /** Long values (provider tokens) use `text`; everything else is an indexable `varchar(255)`. */
  long?: boolean;
  default?: unknown;
  /** Maintained by the database layer on insert / update. */
  timestamp?: 'create' | 'update';
}

/**
 * Declares a standard field on a base class: recorded for the entity model, and mapped to a TypeORM column
 * with portable types (dates are left to the driver's own date type).
 */
export function StandardColumn(options: StandardColumnOptions): PropertyDecorator {
  return (prototype, property) => {
    AuthField()(prototype, property);
    if (typeorm) typeOrmColumn(typeorm, options)(prototype, property);
  };
}

function typeOrmColumn(orm: TypeOrmModule, options: StandardColumnOptions): PropertyDecorator {
  const { name, nullable = false } = options;
  if (options.primary) return orm.PrimaryColumn({ name, type: 'varchar', length: 255 });
  if (options.timestamp === 'create') return orm.CreateDateColumn({ name });
  if (options.timestamp === 'update') return orm.UpdateDateColumn({ name });
  switch (options.type) {
    case 'string':
      return options.long
        ? orm.Column({ name, type: 'text', nullable })
        : orm.Column({ name, type: 'varchar', length: 255, nullable, unique: options.unique, default: options.default as string });
    case 'boolean':
      return orm.Column({ name, type: 'boolean', nullable, default: options.default as boolean });
    case 'number':
      return orm.Column({ name, type: 'integer', nullable, default: options.default as number });
    case 'json':
      return orm.Column({ name, type: 'simple-json', nullable });
    case 'date':
      return orm.Column({ name, nullable });
  }
}
