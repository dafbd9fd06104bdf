import { typeorm } from '../../entities/base/optional-typeorm';

/** The few TypeORM column shapes the conformance classes need, kept local so no typeorm type leaks out. */
export interface OptionalColumnOptions {
  name: string;
  /** `date` is TypeORM's portable `Date` column with millisecond precision (as the base classes use). */
  type: 'varchar' | 'text' | 'simple-json' | 'int' | 'boolean' | 'date';
  nullable?: boolean;
  default?: string | number | boolean;
  /** A `varchar`'s length (default 255). */
  length?: number;
  primary?: boolean;
}

/**
 * TypeORM's `@Column` when typeorm is installed, nothing otherwise: the conformance classes carry table
 * metadata for SQL adapters without making typeorm a requirement for everyone else.
 * @example
 * @OptionalColumn({ name: 'plan', type: 'varchar', default: 'free' }) @AuthDefault('free') plan!: string;
 */
export function OptionalColumn(options: OptionalColumnOptions): PropertyDecorator {
  return (prototype, property) => {
    if (!typeorm) return;
    const length = options.type === 'varchar' ? (options.length ?? 255) : undefined;
    const type = options.type === 'date' ? Date : options.type;
    const precision = options.type === 'date' ? 6 : undefined;
    // One options object for every column type; typeorm's overloads type each separately.
    const column = typeorm.Column as unknown as (options: Record<string, unknown>) => PropertyDecorator;
    column({ ...options, type, length, precision, nullable: options.nullable ?? false })(prototype, property);
  };
}
