import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * Layers only reach down (see ARCHITECTURE.md). Checked on the import statements themselves, so a new file
 * that reaches up fails here before it is reviewed.
 */
const root = resolve(__dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The repository paths a file imports (relative imports only), with whether the import is for types only. */
function importsOf(file: string): Array<{ target: string; typeOnly: boolean }> {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gm)].map((match) => ({
    target: relative(root, resolve(root, file, '..', match[2])),
    typeOnly: Boolean(match[1]),
  }));
}

const reachingUp = (folders: string[], forbidden: string[]) =>
  folders.flatMap(sourceFiles).flatMap((file) =>
    importsOf(file)
      .filter(({ target }) => forbidden.some((prefix) => target === prefix || target.startsWith(`${prefix}/`)))
      .map(({ target }) => `${file} imports ${target}`),
  );

describe('layers only reach down', () => {
  it('the checker sees imports (a file known to import core is found)', () => {
    expect(reachingUp(['src/http'], ['src/core']).length).toBeGreaterThan(0);
  });

  it('foundations (wire, crypto, errors) import nothing of the engine above them', () => {
    expect(reachingUp(['src/wire', 'src/crypto', 'src/errors'], ['src/config', 'src/core', 'src/email', 'src/schema', 'src/observability', 'src/http', 'src/plugins'])).toEqual([]);
  });

  it('core (config, core services, email, schema, observability) imports neither http nor plugins', () => {
    expect(reachingUp(['src/config', 'src/core', 'src/email', 'src/schema', 'src/observability'], ['src/http', 'src/plugins'])).toEqual([]);
  });

  it('http imports no plugin', () => {
    expect(reachingUp(['src/http', 'src/openapi'], ['src/plugins'])).toEqual([]);
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

  it('entities and adapters never import the engine', () => {
    expect(reachingUp(['entities', 'adapters/memory', 'adapters/typeorm'], ['src'])).toEqual([]);
  });
});
