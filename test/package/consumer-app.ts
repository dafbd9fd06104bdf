import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import ts from 'typescript';
import { sharingCompilerHost } from '../support/sharing-compiler-host';
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
 * DOM lib (a server app) and the repository's TypeScript. Only the app's files and our declarations are
 * checked: other packages' declarations are theirs to answer for, and checking @types/node or typeorm in full
 * would multiply the test's time.
 */
export function typeCheck(app: string, mode: ResolutionMode, files: Readonly<Record<string, string>>): TypeCheckResult {
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
  const configFile = join(dir, 'tsconfig.json');
  writeFileSync(configFile, JSON.stringify({ compilerOptions, include: ['*.ts'] }, null, 2));

  const { config, program } = programOf(configFile);
  const packageDir = `${sep}node_modules${sep}${PACKAGE_NAME}${sep}`;
  const ours = program.getSourceFiles().filter((file) => !resolve(file.fileName).includes(`${sep}node_modules${sep}`) || resolve(file.fileName).includes(packageDir));
  const diagnostics = [
    ...config.errors,
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...ours.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
  ];
  return {
    errors: diagnostics.filter((diagnostic) => !diagnostic.file || ours.includes(diagnostic.file)).map(describeDiagnostic),
    packageFiles: ours.map((file) => resolve(file.fileName)).filter((file) => file.includes(packageDir)),
  };
}

/**
 * What `tsc -p <configFile> --noEmit` prints, from the repository's TypeScript (the version the TypeScript 5.9
 * apps install, see `pinned`), run in this process: the declarations every program reads are parsed once for all
 * (see `sharingCompilerHost`), where a tsc process per app parsed them again. The lines read as tsc's own,
 * `file(line,col): error TS…: …`, with paths relative to the config's folder.
 */
export function compileProject(configFile: string): string {
  const { config, program } = programOf(configFile, { noEmit: true, incremental: false });
  const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
  const folder = dirname(configFile);
  return ts.formatDiagnostics(diagnostics, { getCurrentDirectory: () => folder, getCanonicalFileName: (file) => file, getNewLine: () => '\n' });
}

/** The program of a tsconfig (with `overrides` on top of its options), on the host that shares parsed files. */
function programOf(configFile: string, overrides: ts.CompilerOptions = {}): { config: ts.ParsedCommandLine; program: ts.Program } {
  const config = ts.getParsedCommandLineOfConfigFile(configFile, overrides, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error(`unreadable ${configFile}`);
  return { config, program: ts.createProgram(config.fileNames, config.options, sharingCompilerHost(config.options)) };
}

function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${diagnostic.file.fileName}:${line + 1}: TS${diagnostic.code} ${message}`;
}
