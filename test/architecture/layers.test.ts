import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * Layers only reach down (see ARCHITECTURE.md). Checked on the imports themselves (static `import`/`export
 * … from`, side-effect imports, `require('…')` and `import('…')` calls), so a new file that reaches up fails
 * here before it is reviewed.
 */
const root = resolve(__dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

interface Import {
  target: string;
  /** `import type` / `export type`: erased, so it loads nothing at run time. */
  typeOnly: boolean;
}

const STATIC_IMPORT = /^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gm;
const SIDE_EFFECT_IMPORT = /^import\s+'(\.[^']+)'/gm;
// `require('./x')`, `import('./x')`, also inside `typeof import('./x')` (counted as a load: the checker
// cannot tell a type position from a call cheaply, and neither form belongs where the layer may not reach).
const CALL_IMPORT = /\b(?:require|import)\(\s*'(\.[^']+)'\s*\)/g;

/** The repository paths a file imports (relative imports only), with whether the import is for types only. */
function importsOf(file: string): Import[] {
  return importsIn(readFileSync(join(root, file), 'utf8'), file);
}

function importsIn(text: string, file: string): Import[] {
  const at = (specifier: string) => relative(root, resolve(root, file, '..', specifier));
  return [
    ...[...text.matchAll(STATIC_IMPORT)].map((match) => ({ target: at(match[2]), typeOnly: Boolean(match[1]) })),
    ...[...text.matchAll(SIDE_EFFECT_IMPORT)].map((match) => ({ target: at(match[1]), typeOnly: false })),
    ...[...text.matchAll(CALL_IMPORT)].map((match) => ({ target: at(match[1]), typeOnly: false })),
  ];
}

const under = (target: string, prefix: string) => target === prefix || target.startsWith(`${prefix}/`);

const reachingUp = (folders: string[], forbidden: string[]) =>
  folders.flatMap(sourceFiles).flatMap((file) =>
    importsOf(file)
      .filter(({ target }) => forbidden.some((prefix) => under(target, prefix)))
      .map(({ target }) => `${file} imports ${target}`),
  );

/** The plugin folder a repository path belongs to (`src/plugins/admin/users.ts` → `admin`), if any. */
const pluginOf = (path: string) => /^src\/plugins\/([^/]+)\//.exec(path)?.[1] ?? null;

/** The composition layer (7): the builder, the built instance, `auth.api`, framework integrations. */
const COMPOSITION = ['src/auth', 'src/better-auth', 'src/api', 'src/express', 'src/nest', 'src/fastify'];

describe('layers only reach down', () => {
  it('the checker sees static imports (a file known to import core is found)', () => {
    expect(reachingUp(['src/http'], ['src/core']).length).toBeGreaterThan(0);
  });

  it('the checker sees require() and import() calls and side-effect imports, as loads', () => {
    const text = "const a = require('../core/a');\nconst b = await import('../plugins/b');\nimport './c';\nimport type { D } from '../auth';\n";
    expect(importsIn(text, 'src/http/z.ts')).toEqual([
      { target: 'src/auth', typeOnly: true },
      { target: 'src/http/c', typeOnly: false },
      { target: 'src/core/a', typeOnly: false },
      { target: 'src/plugins/b', typeOnly: false },
    ]);
  });

  it('foundations (wire, crypto, errors) import nothing of the engine above them', () => {
    expect(reachingUp(['src/wire', 'src/crypto', 'src/errors'], ['src/config', 'src/core', 'src/email', 'src/schema', 'src/observability', 'src/http', 'src/openapi', 'src/plugins', ...COMPOSITION])).toEqual([]);
  });

  it('core (config, core services, email, schema, observability) imports neither http nor plugins nor the composition layer', () => {
    expect(reachingUp(['src/config', 'src/core', 'src/email', 'src/schema', 'src/observability'], ['src/http', 'src/openapi', 'src/plugins', ...COMPOSITION])).toEqual([]);
  });

  it('http imports no plugin and nothing of the composition layer, not even its types', () => {
    expect(reachingUp(['src/http', 'src/openapi'], ['src/plugins', ...COMPOSITION])).toEqual([]);
  });

  it('a plugin imports no other plugin: shared parts live in core or http, and plugins meet through extension points', () => {
    const crossings = sourceFiles('src/plugins').flatMap((file) => {
      const own = pluginOf(file);
      if (own === null) return []; // auth-plugin.ts (the interface) and index.ts (the public list) sit above the folders
      return importsOf(file)
        .filter(({ target }) => pluginOf(target) !== null && pluginOf(target) !== own)
        .map(({ target }) => `${file} imports ${target}`);
    });
    expect(sourceFiles('src/plugins').filter((file) => pluginOf(file) !== null).length).toBeGreaterThan(50);
    expect(crossings).toEqual([]);
  });

  it('plugins import nothing of the composition layer', () => {
    expect(reachingUp(['src/plugins'], COMPOSITION)).toEqual([]);
  });

  it('the server API finds plugins by id: it may name their types, never load their code', () => {
    const loads = sourceFiles('src/api').flatMap((file) =>
      importsOf(file)
        .filter(({ target, typeOnly }) => target.startsWith('src/plugins/') && !typeOnly)
        .map(({ target }) => `${file} loads ${target}`),
    );
    expect(sourceFiles('src/api').length).toBeGreaterThan(0);
    expect(loads).toEqual([]);
  });

  it('entities and every part of adapters (contract, memory, TypeORM, conformance suite) never import the engine', () => {
    expect(reachingUp(['entities', 'adapters'], ['src'])).toEqual([]);
  });

  it('the entity toolkit never imports the storage layer above it', () => {
    expect(reachingUp(['entities'], ['adapters'])).toEqual([]);
  });

  it('the browser client entry loads nothing of the server: every import it has is for types only', () => {
    const loads = sourceFiles('src/client').flatMap((file) =>
      importsOf(file)
        .filter(({ target, typeOnly }) => !typeOnly && !target.startsWith('src/client/'))
        .map(({ target }) => `${file} loads ${target}`),
    );
    expect(loads).toEqual([]);
  });
});
