import { BetterAuth, getAuthSchema, schemaSql } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { AuthDefault, AuthField, AuthUser, BaseUser, buildEntityModel, EntityDefinitionError } from 'better-auth-entities/entities';
import { EmailPasswordPlugin } from 'better-auth-entities/plugins';
import { Column, CreateDateColumn, Entity } from 'typeorm';
import { appEntities } from '../../examples/entities';

/** Custom fields typed every way the model reads: explicit options, TypeORM columns, primitive design:type. */
@Entity('users', { synchronize: false })
@AuthUser()
class TypedUser extends BaseUser {
  @Column({ type: 'text', nullable: true }) @AuthField({ type: 'json' }) legacy!: unknown;
  @Column('int') rank!: number;
  @Column() count!: number; // no type named: TypeORM stores a `number` in an int column
  @Column({ type: 'varchar', length: 20, nullable: true }) code!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) @AuthField({ maxLength: 8 }) shortCode!: string | null;
  @Column({ type: 'simple-json', nullable: true }) settings!: Record<string, unknown> | null;
  @Column({ type: 'timestamp', nullable: true }) seenAt!: Date | null;
  @CreateDateColumn() joinedAt!: Date;
  @Column({ type: 'decimal', precision: 5, scale: 2, nullable: true }) price!: number | null;
  @Column({ type: 'bigint', unsigned: false }) big!: number;
  @Column({ type: 'enum', enum: ['red', 'blue'], nullable: true }) colour!: string | null;
  @AuthDefault(0) score!: number; // no column: design:type Number, any finite number
}

describe('the resolved field model', () => {
  const model = buildEntityModel('user', TypedUser);
  const shape = (name: string) => {
    const field = model.field(name)!;
    return { type: field.type, nullable: field.nullable, limits: field.limits };
  };

  it('takes @AuthField({ type }) over the TypeORM column type', () => {
    expect(shape('legacy')).toMatchObject({ type: 'json', nullable: true });
  });

  it('reads types, nullability and limits from TypeORM columns without decorator metadata being needed', () => {
    expect(shape('rank')).toEqual({ type: 'number', nullable: false, limits: { integer: true, min: -2_147_483_648, max: 2_147_483_647 } });
    expect(shape('count')).toMatchObject({ type: 'number', limits: { integer: true } });
    expect(shape('code')).toEqual({ type: 'string', nullable: true, limits: { maxLength: 20 } });
    expect(shape('shortCode').limits).toEqual({ maxLength: 8 });
    expect(shape('settings')).toMatchObject({ type: 'json', nullable: true });
    expect(shape('seenAt')).toMatchObject({ type: 'date', nullable: true });
    expect(shape('joinedAt')).toMatchObject({ type: 'date', nullable: false });
    expect(shape('price')).toEqual({ type: 'number', nullable: true, limits: { min: -999.99, max: 999.99 } });
    expect(shape('big').limits).toEqual({ integer: true, min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    expect(shape('colour')).toEqual({ type: 'string', nullable: true, limits: { enum: ['red', 'blue'] } });
  });

  it('falls back on design:type only for a primitive constructor, nullable unless said otherwise', () => {
    expect(shape('score')).toEqual({ type: 'number', nullable: true, limits: {} });
  });

  it('refuses at build an input field whose type nothing tells, naming the class, the property and the fix', () => {
    @AuthUser()
    class UntypedUser extends BaseUser {
      @AuthField() nickname!: string | null; // design:type is Object for a union
    }
    expect(() => buildEntityModel('user', UntypedUser)).toThrow(EntityDefinitionError);
    expect(() => buildEntityModel('user', UntypedUser)).toThrow(/^UntypedUser\.nickname: .*@AuthField\(\{ type: /);
  });

  it('lets a server-only field of unknown type through as JSON', () => {
    @AuthUser()
    class ServerOnlyUser extends BaseUser {
      @AuthField({ input: false }) tags!: string[] | null;
    }
    expect(buildEntityModel('user', ServerOnlyUser).field('tags')).toMatchObject({ type: 'json', input: false });
  });
});

describe('generate for the four shapes of custom field', () => {
  /** No TypeORM decorators at all: the types come from @AuthField alone. */
  @AuthUser()
  class PlainUser extends BaseUser {
    @AuthField({ type: 'string', maxLength: 40 }) nickname!: string | null;
    @AuthField({ type: 'string', maxLength: 2000 }) bio!: string | null;
    @AuthField({ type: 'date' }) birthday!: Date | null;
    @AuthField({ type: 'json' }) preferences!: Record<string, unknown> | null;
  }

  it('writes varchar, text, integer, timestamp and jsonb columns on PostgreSQL, and never json for a typed field', () => {
    const withColumns = new BetterAuth({ secret: 'generate-test-secret-with-more-than-thirty-two-chars' })
      .database(new MemoryDatabaseAdapter(appEntities))
      .plugin(new EmailPasswordPlugin())
      .build();
    const plain = new BetterAuth({ secret: 'generate-test-secret-with-more-than-thirty-two-chars' })
      .database(new MemoryDatabaseAdapter({ ...appEntities, user: PlainUser as never }))
      .plugin(new EmailPasswordPlugin())
      .build();
    const example = schemaSql(getAuthSchema(withColumns), 'postgres');
    // A nullable column is written bare on PostgreSQL: `"age" INTEGER,`.
    expect(example).toContain('"nickname" VARCHAR(40),');
    expect(example).toContain('"age" INTEGER,');
    expect(example).toMatch(/"birthday" TIMESTAMP\w*,/);
    expect(example).toContain('"preferences" JSONB,');
    const fromOptions = schemaSql(getAuthSchema(plain), 'postgres');
    expect(fromOptions).toContain('"nickname" VARCHAR(40),');
    expect(fromOptions).toContain('"bio" TEXT,');
    expect(fromOptions).toMatch(/"birthday" TIMESTAMP\w*,/);
    expect(fromOptions).toContain('"preferences" JSONB,');
    expect(schemaSql(getAuthSchema(withColumns), 'mysql')).toMatch(/`age` INT( NULL)?,/);
  });
});
