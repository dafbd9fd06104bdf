import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The CLI's config loader (src/cli/loader) in plain Node child processes: jest's module system would replace
 * the very hooks under test. Each app is a folder with its own package.json, as users have them.
 */
const DRIVER = join(__dirname, 'load-config-driver.cjs');
let root: string;

// A legacy property decorator that reads what the compiler emitted, as TypeORM's @Column does.
const ENTITY = `
const seen: Record<string, unknown> = {};
function Field(): PropertyDecorator {
  return (target, key) => { seen[String(key)] = (Reflect as any).getMetadata('design:type', target, key)?.name; };
}
export class AppUser {
  @Field() plan!: string;
  @Field() logins!: number;
}
export const fieldTypes = seen;
`;

function app(name: string, type: 'module' | 'commonjs', files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, type }));
  for (const [file, source] of Object.entries(files)) writeFileSync(join(dir, file), source);
  return dir;
}

async function load(config: string): Promise<unknown> {
  const { stdout } = await promisify(execFile)(process.execPath, [DRIVER, config], { cwd: root });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'config-loader-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the CLI config loader', () => {
  it('runs a .ts config of an ES-module app with top-level await and nodenext-style ./entities.js imports, with decorator metadata', async () => {
    const dir = app('esm', 'module', {
      'entities.ts': ENTITY,
      'auth.config.ts': "import { fieldTypes } from './entities.js';\nconst ready: string = await Promise.resolve('awaited');\nexport const describe = { ready, fieldTypes };\n",
    });
    expect(await load(join(dir, 'auth.config.ts'))).toEqual({ ready: 'awaited', fieldTypes: { plan: 'String', logins: 'Number' } });
  }, 60_000);

  it('runs a .mts config with bundler-style extensionless imports in a CommonJS app, importing a CommonJS .ts file by name', async () => {
    const dir = app('cjs-mts', 'commonjs', {
      'entities.ts': ENTITY,
      'auth.config.mts': "import { fieldTypes } from './entities';\nexport const describe = { fieldTypes, await: await Promise.resolve(1) };\n",
    });
    expect(await load(join(dir, 'auth.config.mts'))).toEqual({ fieldTypes: { plan: 'String', logins: 'Number' }, await: 1 });
  }, 60_000);

  it('requires a .ts config of a CommonJS app and a .cts one, each importing the other style of path', async () => {
    const dir = app('cjs', 'commonjs', {
      'entities.ts': ENTITY,
      'auth.config.ts': "import { fieldTypes } from './entities.js';\nexport async function describe() { return { fieldTypes }; }\n",
      'auth.config.cts': "import { fieldTypes } from './entities';\nexport const describe = { fieldTypes, kind: typeof module };\n",
    });
    expect(await load(join(dir, 'auth.config.ts'))).toEqual({ fieldTypes: { plan: 'String', logins: 'Number' } });
    expect(await load(join(dir, 'auth.config.cts'))).toEqual({ fieldTypes: { plan: 'String', logins: 'Number' }, kind: 'object' });
  }, 60_000);

  it('loads .mjs and .cjs configs as Node does', async () => {
    const dir = app('js', 'commonjs', {
      'auth.config.mjs': 'export const describe = await Promise.resolve("esm");\n',
      'auth.config.cjs': 'exports.describe = "cjs";\n',
    });
    expect(await load(join(dir, 'auth.config.mjs'))).toBe('esm');
    expect(await load(join(dir, 'auth.config.cjs'))).toBe('cjs');
  }, 60_000);

  it('words a syntax error in one line with the file and line, and a missing import with both files', async () => {
    const dir = app('broken', 'module', {
      'syntax.config.ts': 'export const describe = 1;\nconst x: = 2;\n',
      'missing.config.ts': "import { nothing } from './nowhere.js';\nexport const describe = nothing;\n",
    });
    const syntax = (await load(join(dir, 'syntax.config.ts'))) as { error: string };
    expect(syntax.error).not.toContain('\n');
    expect(syntax.error).toMatch(/syntax\.config\.ts:\d+:\d+\)$/);
    const missing = (await load(join(dir, 'missing.config.ts'))) as { error: string };
    expect(missing.error).toMatch(/nowhere\.js.*missing\.config\.ts/);
  }, 60_000);
});
