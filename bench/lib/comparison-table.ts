import type { LoadResult } from './load';
import { gain, type Table } from './table';
import type { ComparisonResults, FlowResults, Skipped } from '../suites/comparison';

type Figure = { label: string; flow: keyof FlowResults; pick: (result: LoadResult) => number; better: 'higher' | 'lower' };

const FIGURES: Figure[] = [
  { label: 'get-session req/s', flow: 'getSession', pick: (r) => r.rps, better: 'higher' },
  { label: 'get-session p50 ms', flow: 'getSession', pick: (r) => r.p50, better: 'lower' },
  { label: 'get-session p99 ms', flow: 'getSession', pick: (r) => r.p99, better: 'lower' },
  { label: 'get-session server CPU µs/req', flow: 'getSession', pick: (r) => r.cpuMicrosPerRequest, better: 'lower' },
  { label: 'sign-in req/s', flow: 'signIn', pick: (r) => r.rps, better: 'higher' },
  { label: 'sign-in mean ms', flow: 'signIn', pick: (r) => r.mean, better: 'lower' },
  { label: 'sign-in server CPU ms/req', flow: 'signIn', pick: (r) => r.cpuMicrosPerRequest / 1000, better: 'lower' },
  { label: 'sign-up req/s', flow: 'signUp', pick: (r) => r.rps, better: 'higher' },
  { label: 'sign-up mean ms', flow: 'signUp', pick: (r) => r.mean, better: 'lower' },
];

/** The main table: ours, Better Auth's, how many times better, the node:http ceiling, and our cost against it. */
export function comparisonTable(results: ComparisonResults, connections: number): Table {
  const rows: Table['rows'] = [];
  const notes: string[] = [];
  for (const backend of results.backends) {
    for (const figure of FIGURES) {
      const ours = figureOf(backend.ours, figure, notes, `${backend.backend} ours`);
      const theirs = figureOf(backend.theirs, figure, notes, `${backend.backend} Better Auth`);
      const ceilingRun = figure.flow === 'getSession' ? backend.ceiling : backend.hashCeiling;
      const ceiling = 'skipped' in ceilingRun ? null : figure.pick(ceilingRun);
      rows.push([backend.backend, figure.label, ours, theirs, gain(ours, theirs, figure.better), ceiling, cost(ours, ceiling, figure.better)]);
    }
    if (backend.baseline && !('skipped' in backend.baseline) && !('skipped' in backend.ours)) {
      const before = backend.baseline.rps;
      const now = backend.ours.getSession.rps;
      rows.push([backend.backend, 'get-session req/s vs --baseline', now, before, `${((now / before - 1) * 100).toFixed(1)}%`, null, null]);
    }
    for (const [who, side] of [['ours', backend.ours], ['Better Auth', backend.theirs]] as const) {
      if ('skipped' in side) notes.push(`${backend.backend}, ${who}: skipped — ${side.skipped}`);
    }
  }
  notes.unshift(
    `${connections} connections; get-session figures are the median of interleaved rounds; "× better" is ours/theirs for req/s and theirs/ours for latencies and CPU.`,
    'server CPU: CPU time of the server process per answered request, thread pool included; unlike req/s it hardly moves when others load the machine.',
    'ceiling: get-session rows — bare node:http JSON (memory) or node:http + one indexed join (SQL); sign-in/up rows — node:http doing one scrypt hash.',
    '"cost vs ceiling": how many times the ceiling\'s cost ours takes (1.00× = as fast as the ceiling).',
  );
  return { title: 'Ours vs Better Auth 1.7.25', headers: ['backend', 'figure', 'ours', 'Better Auth', '× better', 'ceiling', 'cost vs ceiling'], rows, notes };
}

function figureOf(side: FlowResults | Skipped, figure: Figure, notes: string[], who: string): number | null {
  if ('skipped' in side) return null;
  const result = side[figure.flow];
  if ((result.non2xx > 0 || result.errors > 0) && figure.better === 'higher') {
    notes.push(`${who} ${figure.flow}: ${result.non2xx} non-2xx answers and ${result.errors} errors of ${result.total} (only 2xx are counted).`);
  }
  return figure.pick(result);
}

function cost(ours: number | null, ceiling: number | null, better: 'higher' | 'lower'): string | null {
  if (ours == null || ceiling == null || ours === 0 || ceiling === 0) return null;
  const ratio = better === 'higher' ? ceiling / ours : ours / ceiling;
  return `${ratio.toFixed(2)}×`;
}
