import { OptionalEntity } from '../../entities/base/optional-typeorm';
import { AuthDefault } from '../../entities/decorators/auth-default';
import { AuthField } from '../../entities/decorators/auth-field';
import { AuthRecord } from '../../entities/decorators/auth-record';
import type { DeclaredRecordTable } from '../../entities/model/record-class-model';
import { OptionalColumn } from './optional-column';

/**
 * The plugin table the conformance suite stores through an app's own class: one field of each type, a long
 * one, a nullable one, as a plugin would declare them with `recordModel`.
 * @example
 * buildRecordClassModel(ConformanceNote, CONFORMANCE_NOTE_TABLE).table; // 'conformance_notes'
 */
export const CONFORMANCE_NOTE_TABLE: DeclaredRecordTable = {
  model: 'conformanceNote',
  owner: 'conformance',
  table: 'conformance_note',
  fields: {
    body: { type: 'string', required: true, long: true },
    userId: { type: 'string', required: true },
    score: { type: 'number', required: true },
    pinned: { type: 'boolean', required: true },
    seenAt: { type: 'date' },
    tags: { type: 'json' },
  },
};

/**
 * The app's class for that table, as apps write them: its own table name, a remapped property with a
 * column name of its own (`text` holds `body`, column `note_text`), and two columns the plugin never names:
 * `colour` (`@AuthDefault('green')`, over a column default of `'blue'`) and a nullable `appNote`.
 * @example
 * await db.records!(recordClassTable(buildRecordClassModel(ConformanceNote, CONFORMANCE_NOTE_TABLE))).create({ body, userId, score: 0, pinned: false });
 */
@OptionalEntity('conformance_notes')
@AuthRecord('conformanceNote')
export class ConformanceNote {
  @OptionalColumn({ name: 'id', type: 'varchar', length: 64, primary: true })
  @AuthField()
  id!: string;

  @OptionalColumn({ name: 'note_text', type: 'text' })
  @AuthField('body')
  text!: string;

  @OptionalColumn({ name: 'owner_id', type: 'varchar', length: 64 })
  @AuthField()
  userId!: string;

  @OptionalColumn({ name: 'score', type: 'int' })
  @AuthField()
  score!: number;

  @OptionalColumn({ name: 'pinned', type: 'boolean' })
  @AuthField()
  pinned!: boolean;

  @OptionalColumn({ name: 'seen_at', type: 'date', nullable: true })
  @AuthField({ type: 'date' })
  seenAt!: Date | null;

  @OptionalColumn({ name: 'tags', type: 'simple-json', nullable: true })
  @AuthField({ type: 'json' })
  tags!: unknown;

  @OptionalColumn({ name: 'colour', type: 'varchar', length: 20, default: 'blue' })
  @AuthDefault('green')
  colour!: string;

  @OptionalColumn({ name: 'app_note', type: 'varchar', nullable: true })
  @AuthField({ type: 'string' })
  appNote!: string | null;
}

/**
 * The record classes a conformance adapter's storage must hold tables for, besides `CONFORMANCE_ENTITIES`
 * (a SQL adapter's test creates `conformance_notes` with them, e.g. by listing them in its DataSource).
 * @example
 * new DataSource({ entities: [...Object.values(CONFORMANCE_ENTITIES), ...CONFORMANCE_RECORDS], synchronize: true });
 */
export const CONFORMANCE_RECORDS: readonly [typeof ConformanceNote] = Object.freeze([ConformanceNote]) as readonly [typeof ConformanceNote];
