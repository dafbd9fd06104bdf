/// <reference types="jest" />
import { buildRecordClassModel } from '../../../entities/model/record-class-model';
import type { PluginRecords, RecordTable } from '../../plugin-records';
import { recordClassTable } from '../../record-class-table';
import { ConformanceNote, CONFORMANCE_NOTE_TABLE } from '../conformance-records';
import type { ConformanceAdapter } from '../conformance-entities';
import { unique, wholeSeconds, type ConformanceTest } from '../harness';

const classModel = buildRecordClassModel(ConformanceNote, CONFORMANCE_NOTE_TABLE);
/** The table as plugins reach it: the plugin's field names, the class's SQL names. */
const PLUGIN_VIEW: RecordTable = recordClassTable(classModel);
/** Every column of the class, the app's own included: how the app's code sees the same rows. */
const APP_VIEW: RecordTable = { name: classModel.table, columns: classModel.fields.map(({ field, column, type }) => ({ field, name: column, type })) };

function recordsOf(db: ConformanceAdapter, table: RecordTable): PluginRecords {
  if (!db.records) throw new Error('The adapter has no records(table); pass { records: false } to describeAdapterConformance if it stores no plugin tables.');
  return db.records(table);
}

const PLUGIN_FIELDS = ['id', 'body', 'userId', 'score', 'pinned', 'seenAt', 'tags'];

/** Plugin tables stored through the app's own class (`@AuthRecord`): names, defaults of the app's columns, the plugin's row shape. */
export function describeRecordConformance(test: ConformanceTest): void {
  describe('plugin records through an app class', () => {
    test("a create by the plugin's field names lands in the class's columns, fills the app's own columns with their defaults, and reads back in the plugin's shape", async (db) => {
      const notes = recordsOf(db, PLUGIN_VIEW);
      const userId = unique('owner');
      const seenAt = wholeSeconds(new Date());
      const body = 'x'.repeat(1000);
      const created = await notes.create({ body, userId, score: 3, pinned: true, seenAt, tags: { labels: ['a', 'b'] } });
      expect(Object.keys(created).sort()).toEqual([...PLUGIN_FIELDS].sort());
      expect(created).toEqual({ id: expect.any(String), body, userId, score: 3, pinned: true, seenAt, tags: { labels: ['a', 'b'] } });
      expect(await notes.findOne({ userId })).toEqual(created);

      const app = await recordsOf(db, APP_VIEW).findOne({ id: created.id });
      // @AuthDefault wins over the column's own default; a nullable column without one is NULL.
      expect(app).toMatchObject({ body, colour: 'green', appNote: null });
    });

    test("where, orderBy, update, increment, count and deleteMany speak the plugin's field names, remapped ones included, and leave the app's columns alone", async (db) => {
      const notes = recordsOf(db, PLUGIN_VIEW);
      const app = recordsOf(db, APP_VIEW);
      const userId = unique('owner');
      const first = await notes.create({ body: 'first', userId, score: 1, pinned: false });
      await notes.create({ body: 'second', userId, score: 2, pinned: false });
      await app.update({ id: first.id }, { colour: 'red', appNote: 'kept' });

      expect((await notes.findMany({ userId }, { orderBy: ['score', 'desc'] })).map((row) => row.body)).toEqual(['second', 'first']);
      expect(await notes.count({ body: 'first' })).toBe(1);
      expect(await notes.update({ body: 'first' }, { pinned: true, seenAt: null })).toBe(1);
      expect(await notes.increment({ id: first.id }, 'score', { below: 5 })).toBe(1);
      expect(await notes.findOne({ id: first.id })).toMatchObject({ pinned: true, score: 2, seenAt: null });
      expect(await app.findOne({ id: first.id })).toMatchObject({ colour: 'red', appNote: 'kept' });
      expect(await notes.deleteMany({ userId })).toBe(2);
      expect(await app.count({ id: first.id })).toBe(0);
    });

    test("a plugin cannot name the class's property names or its own columns: a typo or a reach for app data fails instead of being ignored", async (db) => {
      const notes = recordsOf(db, PLUGIN_VIEW);
      await expect(notes.findOne({ text: 'first' })).rejects.toThrow('has no field "text"');
      await expect(notes.update({ userId: 'x' }, { colour: 'red' })).rejects.toThrow('has no field "colour"');
      await expect(notes.create({ body: 'b', userId: 'x', score: 0, pinned: false, appNote: 'no' })).rejects.toThrow('has no field "appNote"');
    });

    test('a single-use update on the class table: of ten racing claims, exactly one wins', async (db) => {
      const notes = recordsOf(db, PLUGIN_VIEW);
      const note = await notes.create({ body: 'claim me', userId: unique('owner'), score: 0, pinned: false });
      const claims = await Promise.all(Array.from({ length: 10 }, () => notes.update({ id: note.id, pinned: false }, { pinned: true })));
      expect(claims.filter((count) => count === 1)).toHaveLength(1);
      expect(claims.filter((count) => count === 0)).toHaveLength(9);
    });

    test('a bounded counter on the class table: twenty racing increments below 5 from 0 count five times', async (db) => {
      const notes = recordsOf(db, PLUGIN_VIEW);
      const note = await notes.create({ body: 'count me', userId: unique('owner'), score: 0, pinned: false });
      const counted = await Promise.all(Array.from({ length: 20 }, () => notes.increment({ id: note.id }, 'score', { below: 5 })));
      expect(counted.filter((count) => count === 1)).toHaveLength(5);
      expect((await notes.findOne({ id: note.id }))?.score).toBe(5);
    });
  });
}
