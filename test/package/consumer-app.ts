import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { runCommand } from './run-command';

export const PACKAGE_NAME = 'better-auth-entities';
const repo = resolve(__dirname, '../..');

/**
 * `name@version` as installed in this repository, so an app installs what the local npm cache already holds
 * and is checked against the versions the rest of the suite runs with.
 */
export function pinned(name: string): string {
  const { version } = JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return `${name}@${version}`;
}

/**
 * A fresh app folder with `specs` installed as a production install does it (`--omit=dev`; our package's
 * own dev dependencies never come along), from the local cache where it can.
 */
export async function createApp(dir: string, specs: readonly string[]): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: basename(dir), version: '1.0.0', private: true }, null, 2)}\n`);
  await runCommand('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel', 'error', ...specs], dir);
}

/** The public subpaths as the installed package declares them (`exports`), e.g. `better-auth-entities/adapters`. */
export function publicSubpaths(app: string): string[] {
  const manifest = JSON.parse(readFileSync(join(app, 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  return Object.keys(manifest.exports)
    .filter((key) => !key.endsWith('.json'))
    .map((key) => (key === '.' ? PACKAGE_NAME : `${PACKAGE_NAME}/${key.slice(2)}`));
}

/** How a consumer's tsconfig resolves modules; `esm` puts the files in a `"type": "module"` folder. */
export interface ResolutionMode {
  readonly name: string;
  readonly module: string;
  readonly moduleResolution: string;
  readonly esm: boolean;
}

export const RESOLUTION_MODES: readonly ResolutionMode[] = [
  { name: 'node10', module: 'commonjs', moduleResolution: 'node10', esm: false },
  { name: 'node16', module: 'node16', moduleResolution: 'node16', esm: false },
  { name: 'bundler', module: 'esnext', moduleResolution: 'bundler', esm: false },
  { name: 'nodenext-esm', module: 'nodenext', moduleResolution: 'nodenext', esm: true },
];

/** What one compile of consumer files reported. */
export interface TypeCheckResult {
  /** Errors in the app's files or in our declarations (other packages' own declarations are theirs to fix). */
  readonly errors: string[];
  /** Files of our package the program read: declarations only, or the consumer compiled our sources. */
  readonly packageFiles: string[];
}

/**
 * Compiles `files` (name -> source) in `app/check-<mode>/` as a consumer would, with `skipLibCheck: false`, no
 * DOM lib (a server app), and the repository's TypeScript.
 */
export async function typeCheck(app: string, mode: ResolutionMode, files: Readonly<Record<string, string>>): Promise<TypeCheckResult> {
  const dir = join(app, `check-${mode.name}`);
  mkdirSync(dir, { recursive: true });
  if (mode.esm) writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, name), source);
  const compilerOptions = {
    target: 'es2022',
    lib: ['es2022'],
    module: mode.module,
    moduleResolution: mode.moduleResolution,
    strict: true,
    skipLibCheck: false,
    esModuleInterop: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    types: ['node'],
    noEmit: true,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }, null, 2));
  const output = await runCommand(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', dir, '--listFiles', '--pretty', 'false'], dir).then(
    (result) => result.stdout,
    (error: Error) => error.message,
  );
  const packageDir = `${sep}node_modules${sep}${PACKAGE_NAME}${sep}`;
  const otherPackage = (line: string) => line.includes(`node_modules${sep}`) && !line.includes(packageDir);
  const errors = groupDiagnostics(output).filter((diagnostic) => !otherPackage(diagnostic.split('(')[0]));
  const packageFiles = output.split('\n').filter((line) => line.startsWith(sep) && line.includes(packageDir));
  return { errors, packageFiles };
}

/** tsc's plain output as one string per diagnostic (a diagnostic's continuation lines are indented). */
function groupDiagnostics(output: string): string[] {
  const diagnostics: string[] = [];
  for (const line of output.split('\n')) {
    if (/error TS\d+:/.test(line) && !/^\s/.test(line)) diagnostics.push(line);
    else if (/^\s/.test(line) && diagnostics.length > 0 && line.trim()) diagnostics[diagnostics.length - 1] += `\n${line}`;
  }
  return diagnostics;
}
