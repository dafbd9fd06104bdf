/** A table as the bench prints it: Markdown, so the console output pastes straight into bench/README.md. */
export interface Table {
  title: string;
  headers: string[];
  rows: Array<Array<string | number | null>>;
  /** Lines printed under the table (what a column means, why a row is missing). */
  notes?: string[];
}

export function renderTable(table: Table): string {
  const cells = [table.headers, ...table.rows.map((row) => row.map(cell))];
  const widths = table.headers.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  const line = (row: string[]) => `| ${row.map((text, column) => (column === 0 ? text.padEnd(widths[column]) : text.padStart(widths[column]))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `-${'-'.repeat(width)}-` : `-${'-'.repeat(width)}:`)).join('|')}|`;
  const body = [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
  const notes = (table.notes ?? []).map((note) => `- ${note}`).join('\n');
  return `### ${table.title}\n\n${body}\n${notes ? `\n${notes}\n` : ''}`;
}

function cell(value: string | number | null): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (Number.isInteger(value) || Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(value >= 10 ? 1 : 2);
}

/** "How many times better": higher-is-better figures divide ours by theirs, latencies theirs by ours. */
export function gain(ours: number | null | undefined, theirs: number | null | undefined, better: 'higher' | 'lower'): string | null {
  if (ours == null || theirs == null || ours === 0 || theirs === 0) return null;
  const ratio = better === 'higher' ? ours / theirs : theirs / ours;
  return `${ratio.toFixed(ratio >= 10 ? 1 : 2)}×`;
}
