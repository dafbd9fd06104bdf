import { typeorm } from '../../entities/base/optional-typeorm';

/** The few TypeORM column shapes the conformance classes need, kept local so no typeorm type leaks out. */
export interface OptionalColumnOptions {
  name: string;
  type: 'varchar' | 'text' | 'simple-json';
  nullable?: boolean;
  default?: string;
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
    const length = options.type === 'varchar' ? 255 : undefined;
    typeorm.Column({ ...options, length, nullable: options.nullable ?? false })(prototype, property);
  };
}
