/** The parts of the bench `npm run bench -- --only …` can select. */
export const SECTIONS = ['memory', 'sqlite', 'postgres', 'postgres-redis', 'scale', 'event-loop', 'cluster', 'flood', 'organization', 'telemetry', 'api-key', 'jwt'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  sections: ReadonlySet<Section>;
  /** autocannon connections for every run (the figure). */
  connections: number;
  /** Measured seconds per run, after `warmupSeconds` unmeasured ones. */
  durationSeconds: number;
  warmupSeconds: number;
  /** get-session runs per contender in the comparison, interleaved; the median is kept. */
  rounds: number;
  /** Users (each with a session) for the scale bench. */
  scaleSizes: number[];
  /**
   * A checkout of this project at another commit (a git worktree with its node_modules): its server joins the
   * get-session rounds as `baseline`, so a change is measured against the code before it in the same run.
   */
  baseline?: string;
}

const USAGE = `npm run bench -- [--only memory,sqlite,postgres,postgres-redis,scale,event-loop,cluster,flood,organization,telemetry,api-key,jwt] [--duration s] [--warmup s] [--rounds n] [--scale-sizes 1000,100000] [--baseline dir]
  env: BENCH_DURATION, BENCH_WARMUP (seconds), BENCH_ROUNDS, BENCH_PG_URL (admin URL of PostgreSQL), BENCH_CPU_PROF (directory), BENCH_BASELINE (dir), BENCH_REDIS_URL`;

/** Reads flags (and BENCH_* environment variables, handy with `npm run bench`). */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=', 2);
    if (name === '--help' || name === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (!name.startsWith('--')) throw new Error(`unexpected argument ${argv[i]}\n${USAGE}`);
    flags.set(name.slice(2), inline ?? argv[++i] ?? '');
  }
  const only = flags.get('only')?.split(',').map((part) => part.trim()).filter(Boolean) ?? [...SECTIONS];
  for (const section of only) if (!SECTIONS.includes(section as Section)) throw new Error(`unknown section ${section}\n${USAGE}`);
  return {
    sections: new Set(only as Section[]),
    connections: 32,
    durationSeconds: positive(flags.get('duration') ?? process.env.BENCH_DURATION ?? '5'),
    warmupSeconds: positive(flags.get('warmup') ?? process.env.BENCH_WARMUP ?? '2'),
    rounds: Math.round(positive(flags.get('rounds') ?? process.env.BENCH_ROUNDS ?? '3')),
    scaleSizes: (flags.get('scale-sizes') ?? '1000,100000,1000000').split(',').map(positive),
    baseline: flags.get('baseline') ?? process.env.BENCH_BASELINE,
  };
}

function positive(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`expected a positive number, got "${text}"\n${USAGE}`);
  return value;
}
