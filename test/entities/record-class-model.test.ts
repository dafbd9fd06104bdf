import { Column, Entity, PrimaryColumn, type ColumnOptions, type PrimaryColumnOptions } from 'typeorm';
import { BetterAuth, recordModel, type AuthPlugin } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { AuthDefault, AuthField, AuthRecord, EntityDefinitionError, buildRecordClassModel, recordClassesOf } from 'better-auth-entities/entities';
import { ORIGIN, TEST_SECRET } from '../support/test-auth';

/*
 * The app's class for a plugin table is checked against the plugin's declaration when the auth is built: each
 * mistake below would otherwise surface as a failed write (or a silently lost value) on some later request.
 */

const badges = recordModel('badge', {
  title: { type: 'string', required: true },
  notes: { type: 'string', long: true },
  userId: { type: 'string', required: true },
  points: { type: 'number', required: true, defaultValue: 0 },
  awardedAt: { type: 'date' },
});
const DECLARED = { model: 'badge', owner: 'badges', table: 'badge', fields: badges.fields };

class BadgePlugin implements AuthPlugin {
  readonly id = 'badges';
  readonly schema = { tables: { [badges.model]: { fields: badges.fields } } };
  routes() {
    return [];
  }
}

function buildAuth(records: Array<new () => object>) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN }).database(new MemoryDatabaseAdapter({ records })).plugin(new BadgePlugin()).build();
}

function failure(run: () => unknown): EntityDefinitionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EntityDefinitionError);
    return error as EntityDefinitionError;
  }
  throw new Error('expected an EntityDefinitionError');
}

@Entity('app_badges')
@AuthRecord('badge')
class AppBadge {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ name: 'badge_title', type: 'varchar', length: 80 }) @AuthField('title') name!: string;
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ name: 'user_id', type: 'varchar', length: 64 }) userId!: string;
  @Column({ type: 'int' }) points!: number;
  @Column({ name: 'awarded_at', type: Date, nullable: true }) awardedAt!: Date | null;
  @Column({ type: 'varchar', length: 20, default: 'bronze' }) @AuthDefault('silver') tier!: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) comment!: string | null;
}

/** The columns of a valid badge class, by property. */
const VALID: Record<string, ColumnOptions> = {
  title: { type: 'varchar', length: 80 },
  notes: { type: 'text', nullable: true },
  userId: { name: 'user_id', type: 'varchar', length: 64 },
  points: { type: 'int' },
  awardedAt: { name: 'awarded_at', type: Date, nullable: true },
};

/** A TypeORM badge class named `name`: the valid columns with `change` applied (`null` leaves a property out). */
function badgeClass(name: string, change: Record<string, ColumnOptions | null>, id: PrimaryColumnOptions = { type: 'varchar', length: 64 }): new () => object {
  const target = { [name]: class {} }[name]!;
  PrimaryColumn(id)(target.prototype, 'id');
  for (const [property, options] of Object.entries({ ...VALID, ...change })) if (options) Column(options)(target.prototype, property);
  Entity(`${name.toLowerCase()}_table`)(target);
  AuthRecord('badge')(target);
  return target;
}

describe('a plugin table as the app class', () => {
  it("maps each declared field to the class's property and column, and keeps the app's own columns apart with their defaults", () => {
    const model = buildRecordClassModel(AppBadge, DECLARED);
    expect(model.table).toBe('app_badges');
    expect(model.fields.map(({ field, property, column, declared }) => [field, property, column, declared])).toEqual([
      ['id', 'id', 'id', true],
      ['title', 'name', 'badge_title', true],
      ['notes', 'notes', 'notes', true],
      ['userId', 'userId', 'user_id', true],
      ['points', 'points', 'points', true],
      ['awardedAt', 'awardedAt', 'awarded_at', true],
      ['tier', 'tier', 'tier', false],
      ['comment', 'comment', 'comment', false],
    ]);
    expect(model.fields.find((field) => field.field === 'tier')?.defaultValue?.()).toBe('silver');
  });

  it('a plain class (no TypeORM) keeps the declaration\'s table and column names', () => {
    @AuthRecord('badge')
    class PlainBadge {
      @AuthField() id!: string;
      @AuthField('title') label!: string;
      @AuthField({ type: 'string' }) notes!: string | null;
      @AuthField() userId!: string;
      @AuthField({ type: 'number' }) points!: number;
      @AuthField({ type: 'date' }) awardedAt!: Date | null;
      @AuthDefault(() => ['x']) extras!: string[];
    }
    const model = buildRecordClassModel(PlainBadge, DECLARED);
    expect(model.table).toBe('badge');
    expect(model.fields.map((field) => field.column)).toEqual(['id', 'title', 'notes', 'user_id', 'points', 'awarded_at', 'extras']);
  });

  it('a field whose type disagrees with the declaration fails, naming class, property and fix', () => {
    const WrongType = badgeClass('WrongType', { points: { type: 'varchar', length: 10 } });
    expect(failure(() => buildRecordClassModel(WrongType, DECLARED)).message).toBe(
      'WrongType.points: holds a string, but the plugin "badges" stores a number in badge.points; change the property\'s (or its column\'s) type to number.',
    );
  });

  it('a missing declared field fails, naming the field and how to add it', () => {
    const Missing = badgeClass('Missing', { notes: null, userId: null, points: null, awardedAt: null });
    expect(failure(() => buildRecordClassModel(Missing, DECLARED)).message).toMatch(/^Missing\.notes: the plugin "badges" stores badge\.notes \(string \| null\) in this table; add a column for it/);
  });

  it('a NOT NULL column for a field the plugin may leave null fails', () => {
    const Strict = badgeClass('Strict', { awardedAt: { name: 'awarded_at', type: Date } });
    expect(failure(() => buildRecordClassModel(Strict, DECLARED)).message).toMatch(/^Strict\.awardedAt: the plugin "badges" may leave badge\.awardedAt null, but the column is NOT NULL/);
  });

  it('a varchar column for a field the plugin declares long fails', () => {
    const Short = badgeClass('Short', { notes: { type: 'varchar', length: 100, nullable: true } });
    expect(failure(() => buildRecordClassModel(Short, DECLARED)).message).toMatch(/^Short\.notes: the plugin "badges" stores long text in badge\.notes, but the column holds 100 characters; declare it @Column\(\{ type: 'text' \}\)/);
  });

  it("an own column that is NOT NULL without any default fails: the plugin's creates would", () => {
    const NoDefault = badgeClass('NoDefault', { colour: { type: 'varchar', length: 20 } });
    expect(failure(() => buildRecordClassModel(NoDefault, DECLARED)).message).toMatch(/^NoDefault\.colour: is NOT NULL and the plugin "badges" never writes it/);
  });

  it('a uuid id column fails: plugins make their own text ids', () => {
    const UuidId = badgeClass('UuidId', {}, { type: 'uuid' });
    expect(failure(() => buildRecordClassModel(UuidId, DECLARED)).message).toMatch(/^UuidId\.id: plugins make their own text ids/);
  });

  it("@AuthField naming no field of the table, an untagged class and another model's class fail", () => {
    @AuthRecord('badge')
    class Typo {
      @AuthField('titel') name!: string;
    }
    expect(failure(() => buildRecordClassModel(Typo, DECLARED)).message).toMatch(/^Typo\.name: @AuthField\('titel'\) names no field of the plugin table badge; use one of: id, title, notes, userId, points, awardedAt\./);
    class Untagged {}
    expect(failure(() => recordClassesOf({ records: [Untagged] })).message).toMatch(/^Untagged: is listed in `records` but not tagged/);
    @AuthRecord('trophy')
    class Trophy {}
    expect(failure(() => buildRecordClassModel(Trophy, DECLARED)).message).toBe("Trophy: is tagged @AuthRecord('trophy') but was used for the table 'badge'; tag it @AuthRecord('badge').");
    @AuthRecord('badge')
    class Twin {}
    expect(failure(() => recordClassesOf({ records: [AppBadge, Twin] })).message).toBe("Twin: and AppBadge are both given for the plugin table 'badge'; keep one.");
  });

  it('the auth build checks the registered classes: a mismatch, or a class for a table no plugin declares, fails there', () => {
    const Late = badgeClass('Late', { points: { type: 'boolean' } });
    expect(failure(() => buildAuth([Late])).message).toMatch(/^Late\.points: holds a boolean/);
    @AuthRecord('bagde')
    class Misspelt {}
    expect(failure(() => buildAuth([Misspelt])).message).toMatch(/^Misspelt: is tagged @AuthRecord\('bagde'\), but no plugin of this auth declares a table 'bagde'; the declared ones are 'accountFailure', 'badge'\./);
    expect(buildAuth([AppBadge]).context.recordClasses?.get('badge')).toBe(AppBadge);
  });

  it("auth.records on a class-backed table writes the app's defaults and answers in the plugin's shape", async () => {
    const auth = buildAuth([AppBadge]);
    const created = await auth.context.records(badges).create({ title: 'First sign-in', userId: 'u1' });
    expect(created).toEqual({ id: expect.any(String), title: 'First sign-in', notes: null, userId: 'u1', points: 0, awardedAt: null });
  });
});
