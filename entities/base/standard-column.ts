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
  /** A (non-unique) index for a lookup the engine makes on this column alone (`sessions.user_id`). */
  index?: boolean;
  /** Long values (provider tokens) use `text`; everything else is an indexable `varchar(255)`. */
  long?: boolean;
  default?: unknown;
  /** Maintained by the database layer on insert / update. */
  timestamp?: 'create' | 'update';
}

/**
 * Declares a standard field on a base class: recorded for the entity model, and mapped to a TypeORM column.
 * @example
 * @StandardColumn({ name: 'user_id', type: 'string', index: true }) userId!: string;
 */
export function StandardColumn(options: StandardColumnOptions): PropertyDecorator {
  return (prototype, property) => {
    AuthField()(prototype, property);
    if (!typeorm) return;
    typeOrmColumn(typeorm, options)(prototype, property);
    if (options.index) typeorm.Index()(prototype, property);
  };
}

/*
 * The column types, decided here and nowhere else. A base class is decorated once, at import, before any
 * DataSource exists, and a user's DataSource validates it against its own driver; so every type below is
 * one that PostgreSQL, MySQL/MariaDB and SQLite accept on TypeORM 0.3 and 1.x alike:
 *
 *   field type  TypeORM type            PostgreSQL             MySQL / MariaDB   SQLite
 *   string      varchar(255)            character varying      varchar(255)      varchar(255)
 *   long text   text                    text                   text              text
 *   boolean     boolean                 boolean                tinyint           boolean
 *   json        simple-json             text                   text              text
 *   date        Date, precision 6       timestamp(6)           datetime(6)       datetime (UTC text, ms)
 *
 * Why: indexed strings must be varchar on MySQL (a TEXT column cannot be a plain unique key); `json`/`jsonb`
 * and `timestamptz` exist on PostgreSQL only, and naming one makes a SQLite or MySQL DataSource refuse the
 * class. Precision 6 keeps milliseconds on MySQL, whose `datetime` drops them by default.
 * PostgreSQL `timestamp` has no zone: the adapter still round-trips every instant exactly, and tables made by
 * the shipped migrations (`timestamptz`, `jsonb`) read and write the same through these mappings. An app that
 * wants `timestamptz` on tables TypeORM synchronizes redeclares the property in its subclass:
 * `@Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date`.
 */
function typeOrmColumn(orm: TypeOrmModule, options: StandardColumnOptions): PropertyDecorator {
  const { name, nullable = false } = options;
  if (options.primary) return orm.PrimaryColumn({ name, type: 'varchar', length: 255 });
  // The adapter always writes these itself (milliseconds from the app's clock); the database defaults
  // TypeORM adds serve apps that insert through their own repositories.
  if (options.timestamp === 'create') return orm.CreateDateColumn({ name, precision: DATE_PRECISION });
  if (options.timestamp === 'update') return orm.UpdateDateColumn({ name, precision: DATE_PRECISION });
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
      return orm.Column({ name, type: Date, precision: DATE_PRECISION, nullable });
  }
}

const DATE_PRECISION = 6;
