import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** The package's public subpaths, as the app would import them: resolved to the sources this test runs. */
const PACKAGE_PATHS: Record<string, string> = {
  'better-auth-entities': 'src/index.ts',
  'better-auth-entities/entities': 'entities/index.ts',
  'better-auth-entities/adapters': 'adapters/index.ts',
  'better-auth-entities/adapters/typeorm': 'adapters/typeorm/index.ts',
  'better-auth-entities/migrations': 'migrations/index.ts',
};

/** Peers the app shares with the library: one copy each, required from where the test resolves them. */
const PEERS = ['typeorm', 'class-validator', 'reflect-metadata'];

/**
 * Points the bundle's bare requires of the library and its peers at absolute paths, so the output runs from a
 * temp folder while sharing one copy of each with the test: only the app's own code is compiled by esbuild.
 * (esbuild's synchronous API takes no resolver plugins, hence the rewrite after the build.)
 */
function absoluteRequires(code: string): string {
  return code.replace(/require\("([^"]+)"\)/g, (whole, name: string) => {
    if (PACKAGE_PATHS[name]) return `require(${JSON.stringify(join(root, PACKAGE_PATHS[name]))})`;
    if (PEERS.includes(name)) return `require(${JSON.stringify(require.resolve(name))})`;
    return whole;
  });
}

/** What the example app exports, compiled by esbuild: its entity classes and its database opener. */
export interface EsbuildApp {
  appEntities: typeof import('../../examples/entities').appEntities;
  openDatabase: typeof import('../../examples/open-database').openDatabase;
}

/**
 * Compiles the example's entities (and its database opener) the way an app built by esbuild, tsx or Vite is
 * compiled: legacy decorators, and no decorator metadata at all, since esbuild never emits `design:type`.
 */
export function buildExampleWithEsbuild(): EsbuildApp {
  // Loaded lazily: a dev dependency only this test needs.
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    stdin: {
      contents: "export { appEntities } from './entities'; export { openDatabase } from './open-database';",
      resolveDir: join(root, 'examples'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    external: [...PEERS, ...Object.keys(PACKAGE_PATHS)],
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true } },
  });
  const file = join(mkdtempSync(join(tmpdir(), 'bae-esbuild-')), 'app.js');
  writeFileSync(file, absoluteRequires(result.outputFiles[0]!.text));
  return require(file) as EsbuildApp;
}
