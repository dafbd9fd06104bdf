import type { QueryRunner } from 'typeorm';
import type { AdoptionRow, AdoptionRows } from '../src/core/adoption';
import type { AuthSchema, SchemaTable } from '../src/schema/auth-schema';
import { quote, type SqlDialect } from '../src/schema/sql/dialect-sql';

const PAGE = 500;

/**
 * {@link AdoptionRows} over one query runner (the adoption's transaction), with the schema's table and column
 * names, so adopters speak models and fields. Parameterised statements only; in a dry run `update` writes nothing.
 * @example
 * const rows = sqlAdoptionRows(runner, getAuthSchema(auth), 'postgres', { dryRun: false });
 * for await (const row of rows.scan('session', ['token'])) …
 */
export function sqlAdoptionRows(runner: QueryRunner, schema: AuthSchema, dialect: SqlDialect, options: { dryRun: boolean }): AdoptionRows {
  const q = (name: string) => quote(dialect, name);
  const param = (n: number) => (dialect === 'postgres' ? `$${n}` : '?');
  const tableOf = (model: string): SchemaTable => {
    const table = schema.tables.find((candidate) => candidate.model === model);
    if (!table) throw new Error(`Adoption: this auth's schema has no model "${model}".`);
    return table;
  };
  const columnOf = (table: SchemaTable, field: string): string => {
    const column = table.columns.find((candidate) => candidate.field === field);
    if (!column) throw new Error(`Adoption: ${table.name} has no field "${field}".`);
    return column.name;
  };

  return {
    async *scan(model, fields) {
      const table = tableOf(model);
      if (!(await runner.hasTable(table.name))) return;
      const id = columnOf(table, 'id');
      const columns = fields.map((field) => `${q(columnOf(table, field))} AS ${q(field)}`);
      let after: string | null = null;
      for (;;) {
        // Paged by id (keyset), so a large table is never read at once and rows changed on the way are not read twice.
        const where: string = after === null ? '' : ` WHERE ${q(id)} > ${param(1)}`;
        const page = (await runner.query(
          `SELECT ${q(id)} AS ${q('id')}, ${columns.join(', ')} FROM ${q(table.name)}${where} ORDER BY ${q(id)} LIMIT ${PAGE}`,
          after === null ? [] : [after],
        )) as Array<Record<string, unknown>>;
        for (const raw of page) yield toRow(raw, fields);
        if (page.length < PAGE) return;
        after = String(page[page.length - 1]!.id);
      }
    },

    async update(model, id, changes, expected) {
      if (options.dryRun) return true;
      const table = tableOf(model);
      const params: unknown[] = [];
      const next = (value: unknown) => {
        params.push(value);
        return param(params.length);
      };
      const sets = Object.entries(changes).map(([field, value]) => `${q(columnOf(table, field))} = ${next(value)}`);
      const conditions = [`${q(columnOf(table, 'id'))} = ${next(id)}`];
      for (const [field, value] of Object.entries(expected)) {
        conditions.push(value === null ? `${q(columnOf(table, field))} IS NULL` : `${q(columnOf(table, field))} = ${next(value)}`);
      }
      const result = (await runner.query(`UPDATE ${q(table.name)} SET ${sets.join(', ')} WHERE ${conditions.join(' AND ')}`, params, true)) as { affected?: number };
      return (result.affected ?? 0) > 0;
    },
  };
}

function toRow(raw: Record<string, unknown>, fields: readonly string[]): AdoptionRow {
  const row: Record<string, string | null> = { id: String(raw.id) };
  for (const field of fields) row[field] = raw[field] === null || raw[field] === undefined ? null : String(raw[field]);
  return row as AdoptionRow;
}
