import { AuthField } from '../decorators/auth-field';
import type { EntityKind } from '../entity-kind';
import { FIELD_CONTRACTS, type FieldType, type StandardFieldSpec } from '../field-contracts';
import { COMPOSITE_INDEXES } from '../standard-field-table';
import { typeorm, type TypeOrmModule } from './optional-typeorm';

/**
 * Declares every standard field of `kind` on a base class, from the table of standard fields: each is recorded
 * for the entity model and mapped to a TypeORM column (with its indexes) when TypeORM is installed. The class
 * declares no property itself; its type comes from the `Standard*` interface merged into it.
 * @example
 * export abstract class BaseUser {}
 * export interface BaseUser extends StandardUser {}
 * declareStandardColumns(BaseUser, 'user');
 */
export function declareStandardColumns(target: Function, kind: EntityKind): void {
  for (const spec of FIELD_CONTRACTS[kind]) {
    recordDesignType(target, spec);
    StandardColumn(kind, spec.field)(target.prototype, spec.field);
  }
  // No index name on purpose: TypeORM derives one from the concrete table, so two tables extending one base class
  // (an app's `member` and the conformance suite's) never collide on PostgreSQL, where index names are per schema.
  if (typeorm) for (const index of COMPOSITE_INDEXES[kind] ?? []) typeorm.Index([...index.fields], { unique: index.unique })(target);
}

/**
 * Declares one standard field on a class written without a base class: recorded for the entity model, and
 * mapped to the TypeORM column the table of standard fields gives it.
 * @example
 * @StandardColumn('organization', 'slug') slug!: string;
 */
export function StandardColumn(kind: EntityKind, field: string): PropertyDecorator {
  const spec = FIELD_CONTRACTS[kind].find((candidate) => candidate.field === field);
  if (!spec) throw new TypeError(`${kind} has no standard field "${field}".`);
  return (prototype, property) => {
    AuthField()(prototype, property);
    if (!typeorm) return;
    typeOrmColumn(typeorm, spec)(prototype, property);
    if (spec.index) typeorm.Index()(prototype, property);
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
 * class. Precision 6 keeps milliseconds on MySQL, whose `datetime` drops them by default. A JSON column gets
 * no TypeORM default (MySQL takes TEXT defaults only as expressions); the shipped SQL gives it one.
 * PostgreSQL `timestamp` has no zone: the adapter still round-trips every instant exactly, and tables made by
 * the shipped migrations (`timestamptz`, `jsonb`) read and write the same through these mappings.
 *
 * To give a standard field another column type (`timestamptz`, a longer varchar), write that kind's class
 * without the base class, declaring each standard field with your own column decorator:
 *   @Entity('sessions') @AuthSession() class AppSession {
 *     @PrimaryColumn({ type: 'varchar', length: 255 }) id!: string;
 *     @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
 *     ... // token, userId, createdAt, updatedAt, and the optional fields you use
 *   }
 * Extending the base class cannot do it, on TypeORM 0.3 and 1.x alike: redeclaring the property in the
 * subclass is silently ignored (TypeORM keeps the first column declared for a property, the base class's), and
 * mapping another property to the field with `@AuthField('expiresAt')` leaves the base class's column in the
 * entity as well (same column name: TypeORM cannot create the table; another name: the base class's NOT NULL
 * column is never written). test/adapters/typeorm-column-type-override.test.ts proves each case on SQLite.
 */
function typeOrmColumn(orm: TypeOrmModule, spec: StandardFieldSpec): PropertyDecorator {
  const { column: name, nullable } = spec;
  const fallback = spec.defaultValue?.();
  if (spec.primary) return orm.PrimaryColumn({ name, type: 'varchar', length: 255 });
  // The adapter always writes these itself (milliseconds from the app's clock); the database defaults
  // TypeORM adds serve apps that insert through their own repositories.
  if (spec.timestamp === 'create') return orm.CreateDateColumn({ name, precision: DATE_PRECISION });
  if (spec.timestamp === 'update') return orm.UpdateDateColumn({ name, precision: DATE_PRECISION });
  switch (spec.type) {
    case 'string':
      return spec.long
        ? orm.Column({ name, type: 'text', nullable })
        : orm.Column({ name, type: 'varchar', length: 255, nullable, unique: spec.unique || undefined, default: fallback as string | undefined });
    case 'boolean':
      return orm.Column({ name, type: 'boolean', nullable, default: fallback as boolean | undefined });
    case 'number':
      return orm.Column({ name, type: 'integer', nullable, default: fallback as number | undefined });
    case 'json':
      return orm.Column({ name, type: 'simple-json', nullable });
    case 'date':
      return orm.Column({ name, type: Date, precision: DATE_PRECISION, nullable });
  }
}

const DATE_PRECISION = 6;

/** What TypeScript would have emitted for `field!: type` (nullable unions and JSON records are `Object`). */
const DESIGN_TYPES: Record<FieldType, Function> = { string: String, boolean: Boolean, date: Date, json: Object, number: Number };

/** Writes `design:type` as a decorated declaration would leave it, for TypeORM and the builder's plausibility check of standard fields (the field model itself takes standard types from the table). */
function recordDesignType(target: Function, spec: StandardFieldSpec): void {
  const reflect = Reflect as unknown as { defineMetadata?: (key: string, value: unknown, target: object, property: string) => void };
  if (typeof reflect.defineMetadata !== 'function') return;
  reflect.defineMetadata('design:type', spec.nullable ? Object : DESIGN_TYPES[spec.type], target.prototype, spec.field);
}
