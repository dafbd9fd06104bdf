/**
 * The package as an app gets it from the registry: `npm pack` on a clean copy of the repository (so only
 * `prepack` can put compiled code in the tarball), installed into fresh apps by a production install, and used
 * the way the README says: its ```ts blocks type-checked under every module resolution mode, its Express app
 * driven over HTTP, the CLI and the migrations run from the installed package, and the CLI's `generate` and
 * `migrate` in the app layouts users have (TypeScript 5.9 and 7; commonjs, node16, nodenext, bundler, an ES
 * module app). The README is the source: when it changes, this test follows. Slow by nature (npm and tsc):
 * four to six minutes on a busy machine.
 */
import { spawn } from 'node:child_process';
import { isBuiltin } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { createPostgresSchema } from '../support/databases';
import { compileProject, createApp, PACKAGE_NAME, pinned, publicSubpaths, RESOLUTION_MODES, typeCheck, type ResolutionMode } from './consumer-app';
import { packCleanTree } from './pack-clean-tree';
import { readmeModules, readmeTypeScriptBlocks } from './readme-blocks';
import { cleanEnv, runCommand } from './run-command';
import { APP_FILES, APP_VARIANTS, ownErrors, writeVariantApp, type AppVariant } from './cli-variants';

const repo = resolve(__dirname, '../..');
// Packing and two production installs from the registry: minutes on a quiet machine, more when the workers share 2 cores.
const INSTALL_TIMEOUT = 600_000;
const CHECK_TIMEOUT = 90_000;
/** A type-check and three CLI runs, each a Node process that loads TypeORM and connects. */
const CLI_APP_TIMEOUT = 180_000;

/**
 * Subpaths that need an optional peer, with what an app installs to use them; every other public subpath must
 * load and type-check with none installed. A new subpath with a peer goes here, and its peer into README_APP_PEERS.
 */
const PEERS_OF_SUBPATH: Readonly<Record<string, readonly string[]>> = {
  [`${PACKAGE_NAME}/adapters/typeorm`]: ['typeorm'],
  [`${PACKAGE_NAME}/migrations`]: ['typeorm'],
  [`${PACKAGE_NAME}/express`]: ['express', '@types/express'],
  [`${PACKAGE_NAME}/nest`]: ['@nestjs/common', '@nestjs/core'],
  [`${PACKAGE_NAME}/fastify`]: ['fastify'],
  [`${PACKAGE_NAME}/redis`]: ['ioredis'],
  [`${PACKAGE_NAME}/testing`]: ['@types/jest'], // jest runs the suite; its declarations need jest's types
};

/** A consumer file importing each subpath: it compiles only if every one resolves to declarations. */
function importProbe(subpaths: readonly string[]): string {
  const imports = subpaths.map((subpath, index) => `import * as subpath${index} from '${subpath}';`);
  return `${imports.join('\n')}\n\nexport const modules: object[] = [${subpaths.map((_, index) => `subpath${index}`).join(', ')}];\n`;
}

function readmeFiles(): Record<string, string> {
  const blocks = readmeTypeScriptBlocks(readFileSync(join(repo, 'README.md'), 'utf8'));
  return Object.fromEntries(readmeModules(blocks).map((module) => [module.file, module.source]));
}

function expectTypesOnly(app: string, mode: ResolutionMode, files: Record<string, string>): void {
  const result = typeCheck(app, mode, files);
  expect(result.errors).toEqual([]);
  expect(result.packageFiles.length).toBeGreaterThan(0);
  // Our .ts sources ship for the declaration maps; a program that read them resolved a subpath without types.
  expect(result.packageFiles.filter((file) => !file.endsWith('.d.ts'))).toEqual([]);
}

/**
 * Installed with our package: the peers and tools the README's app uses. ts-node is there because apps have it:
 * the CLI must neither need nor touch it (with TypeScript 7 beside it, ts-node crashes on load).
 */
const README_APP_PEERS = [
  'typeorm',
  'express',
  '@types/express',
  '@types/node',
  'pg',
  'ioredis',
  '@types/jest',
  'typescript',
  'ts-node',
  ...['@nestjs/common', '@nestjs/core', 'rxjs', '@nestjs/typeorm', '@nestjs/platform-fastify', 'fastify', 'hono'],
];

/**
 * NestJS 12 ships ES modules only, which a CommonJS file compiled under `module: node16` cannot import (TS1479;
 * `nodenext`, which `nest new` generates, can): in that one mode the Nest block and subpath are left out.
 */
const importsNest = (source: string) => /from '@nestjs\/|from 'better-auth-entities\/nest'/.test(source);
const withoutNestUnderNode16 = (mode: ResolutionMode, files: Record<string, string>, subpaths: string[]) =>
  mode.name === 'node16'
    ? { files: Object.fromEntries(Object.entries(files).filter(([, source]) => !importsNest(source))), subpaths: subpaths.filter((subpath) => subpath !== `${PACKAGE_NAME}/nest`) }
    : { files, subpaths };

let work: string;
let tarball: string;
const runtimeOnlyApp = () => join(work, 'runtime-only');
const readmeApp = () => join(work, 'readme-app');
/**
 * TypeScript 7 (what `npm install -D typescript` gives today) with ts-node beside it, in a folder of the README
 * app: everything else resolves from the README app's node_modules, so the two TypeScript versions share one
 * install of our package and its peers.
 */
const typescript7Dir = () => join(readmeApp(), 'ts7');
/** Where a layout's app holds the README's examples, beside its own files. */
const README_FOLDER = 'readme';
/** One type-check of a layout's app: its error lines (ours only), and how many README files it checked. */
interface LayoutCheck {
  readonly errors: string[];
  readonly readmeFiles: number;
}
const TYPESCRIPT_7 = 'typescript@^7';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'package-consumer-'));
  tarball = await packCleanTree(repo, work);
  await Promise.all([createApp(runtimeOnlyApp(), [tarball, pinned('@types/node')]), createApp(readmeApp(), [tarball, ...README_APP_PEERS.map(pinned)])]);
  await createApp(typescript7Dir(), [TYPESCRIPT_7, pinned('ts-node')]);
}, INSTALL_TIMEOUT);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  let files: string[];
  let manifest: { exports: Record<string, string | Record<string, string>>; bin: Record<string, string> };

  beforeAll(async () => {
    const listing = await runCommand('tar', ['-tzf', tarball], work);
    files = listing.stdout.split('\n').filter(Boolean).map((file) => file.replace(/^package\//, ''));
    manifest = JSON.parse((await runCommand('tar', ['-xzOf', tarball, 'package/package.json'], work)).stdout);
  });

  it('holds every file the exports and the bin point at, built by prepack', () => {
    const targets = Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    const missing = [...targets, ...Object.values(manifest.bin)].map((target) => target.replace(/^\.\//, '')).filter((target) => !files.includes(target));
    expect(targets.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
    expect(files).toContain('dist/src/cli/main.js');
  });

  it('publishes a manifest without scripts (each needs files or tools the tarball lacks) that says where the repository is', () => {
    const published = manifest as unknown as { scripts?: object; repository?: { url: string }; homepage?: string; bugs?: { url: string } };
    expect(published.scripts).toBeUndefined();
    expect([published.repository?.url, published.homepage, published.bugs?.url]).toEqual([
      'git+https://github.com/better-auth-entities/better-auth-entities.git',
      'https://github.com/better-auth-entities/better-auth-entities#readme',
      'https://github.com/better-auth-entities/better-auth-entities/issues',
    ]);
    expect(files).toEqual(expect.arrayContaining(['ARCHITECTURE.md', 'SECURITY.md', 'src/cli/loader/esm-hooks.mjs', 'src/cli/loader/require-hook.cjs']));
  });

  it('pairs every declaration with its declaration map, and every map with the source it points at', () => {
    const declarations = files.filter((file) => file.endsWith('.d.ts'));
    expect(declarations.length).toBeGreaterThan(50);
    expect(declarations.filter((file) => !files.includes(`${file}.map`))).toEqual([]);
    const sources = declarations.map((file) => file.replace(/^dist\//, '').replace(/\.d\.ts$/, '.ts'));
    expect(sources.filter((file) => !files.includes(file))).toEqual([]);
  });

  it('ships the migration SQL of every dialect, and no test, bench or example code', () => {
    const shippedSql = files.filter((file) => /^migrations\/[^/]+\/[^/]+\.sql$/.test(file)).sort();
    const repoSql = readdirSync(join(repo, 'migrations'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.sql'))
      .map((file) => `migrations/${file}`)
      .sort();
    expect(repoSql.length).toBeGreaterThan(0);
    expect(shippedSql).toEqual(repoSql);
    expect(files.filter((file) => /^(test|bench|examples)\/|\.(test|spec)\.[cm]?[jt]s$/.test(file))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'LICENSE', 'package.json']));
  });

  it("keeps `any` out of the declarations, but for the `Record<string, any>` constraint Express's own Request declares", async () => {
    const extracted = join(work, 'extracted');
    mkdirSync(extracted, { recursive: true });
    await runCommand('tar', ['-xzf', tarball, '-C', extracted], work);
    const declarations = files.filter((file) => file.endsWith('.d.ts'));
    const anys = declarations.flatMap((file) => {
      const code = readFileSync(join(extracted, 'package', file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      return (code.replace(/Record<string, any>/g, '').match(/.*\bany\b.*/g) ?? []).map((line) => `${file}: ${line.trim()}`);
    });
    expect(anys).toEqual([]);
  });
});

describe('an app with only the runtime dependencies installed', () => {
  const app = runtimeOnlyApp;
  let peerFree: string[];

  beforeAll(() => {
    peerFree = publicSubpaths(app()).filter((subpath) => !PEERS_OF_SUBPATH[subpath]);
  });

  // One resolution mode is enough here: what this app checks is that no declaration reaches for a peer. The
  // README app below runs every mode.
  it('type-checks every subpath that needs no peer (moduleResolution node16), from the declarations alone', () => {
    expect(peerFree).toContain(PACKAGE_NAME);
    expectTypesOnly(app(), RESOLUTION_MODES.find((mode) => mode.name === 'node16')!, { 'probe.ts': importProbe(peerFree) });
  }, CHECK_TIMEOUT);

  it('requires at run time only its dependencies, its declared peers and Node built-ins', () => {
    const installed = join(app(), 'node_modules', PACKAGE_NAME);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    // The bin is left out: the TypeScript loaders it tries (ts-node, tsconfig-paths) are the app's, when it has them.
    const scripts = readdirSync(installed, { recursive: true, encoding: 'utf8' }).filter((file) => /^dist\/.*\.js$/.test(file));
    const required = new Set(
      scripts.flatMap((file) => [...readFileSync(join(installed, file), 'utf8').matchAll(/require\(["']([^."'][^"']*)["']\)/g)].map((match) => match[1])),
    );
    const packageOf = (id: string) => id.split('/').slice(0, id.startsWith('@') ? 2 : 1).join('/');
    const undeclared = [...required].filter((id) => !isBuiltin(id) && !declared.has(packageOf(id)));
    expect(required.size).toBeGreaterThan(3);
    expect(undeclared).toEqual([]);
  });

  it('loads every subpath that needs no peer, and the typeorm ones fail with a message naming typeorm', async () => {
    const script = `
      const outcomes = {};
      for (const subpath of ${JSON.stringify(publicSubpaths(app()))}) {
        try { outcomes[subpath] = { exports: Object.keys(require(subpath)).length }; }
        catch (error) { outcomes[subpath] = { error: error.message }; }
      }
      console.log(JSON.stringify(outcomes));`;
    const { stdout } = await runCommand(process.execPath, ['-e', script], app());
    const outcomes = JSON.parse(stdout) as Record<string, { exports?: number; error?: string }>;
    for (const subpath of peerFree) expect({ subpath, ...outcomes[subpath] }).toEqual({ subpath, exports: expect.any(Number) });
    const needTypeorm = Object.keys(PEERS_OF_SUBPATH).filter((subpath) => PEERS_OF_SUBPATH[subpath].includes('typeorm'));
    for (const subpath of needTypeorm) expect(outcomes[subpath].error).toMatch(/optional peer dependency 'typeorm'.*npm install typeorm/s);
  }, CHECK_TIMEOUT);

  it("says the testing subpath needs jest's globals when its suites are declared outside jest", async () => {
    const script = `
      const { describeAdapterConformance } = require('${PACKAGE_NAME}/testing');
      try { describeAdapterConformance('plain node', async () => { throw new Error('never built'); }); console.log('declared'); }
      catch (error) { console.log(error.message); }`;
    const { stdout } = await runCommand(process.execPath, ['-e', script], app());
    expect(stdout).toMatch(/describeAdapterConformance\(\) declares jest tests and needs jest's globals.*npm install -D jest/);
  }, CHECK_TIMEOUT);

  it('runs the CLI on a compiled config and on a TypeScript one with no TypeScript installed; --version and --help load nothing', async () => {
    const config = [
      `const { BetterAuth } = require('${PACKAGE_NAME}');`,
      `const { MemoryDatabaseAdapter } = require('${PACKAGE_NAME}/adapters');`,
      "exports.auth = new BetterAuth({ secret: 'a-consumer-test-secret-of-at-least-32-characters' }).database(new MemoryDatabaseAdapter({})).build();",
    ].join('\n');
    writeFileSync(join(app(), 'auth.config.js'), config);
    writeFileSync(join(app(), 'auth.config.ts'), config.replace('exports.auth =', 'export const auth: object ='));
    writeFileSync(join(app(), 'broken.config.ts'), 'export const auth: = 1;\n');
    // The bin npx would run (the README app below goes through npx itself).
    const bin = join(app(), 'node_modules', '.bin', PACKAGE_NAME);
    const generate = (file: string) => runCommand(bin, ['generate', '--config', file, '--dialect', 'sqlite'], app());

    expect(() => require.resolve('typescript', { paths: [app()] })).toThrow();
    expect((await generate('auth.config.js')).stdout).toMatch(/CREATE TABLE IF NOT EXISTS "users"/);
    expect((await generate('auth.config.ts')).stdout).toMatch(/CREATE TABLE IF NOT EXISTS "users"/);
    const broken = await generate('broken.config.ts').catch((error: Error) => error.message);
    const reason = String(broken).split('\n').find((line) => line.startsWith('error:'));
    expect(reason).toMatch(/^error: Could not load \/.*broken\.config\.ts: .*broken\.config\.ts:1/);
    expect(String(broken)).not.toMatch(/ts-node/);
    expect((await runCommand(bin, ['--version'], app())).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect((await runCommand(bin, ['--help'], app())).stdout).toContain('generate');
  }, CHECK_TIMEOUT);
});

describe('an app that uses the README with its peers installed', () => {
  const app = readmeApp;

  it('has the peers of every public subpath installed, so each one is checked below', () => {
    const uncovered = publicSubpaths(app()).filter((subpath) => (PEERS_OF_SUBPATH[subpath] ?? []).some((peer) => !README_APP_PEERS.includes(peer)));
    expect(uncovered).toEqual([]);
  });

  it.each(RESOLUTION_MODES)(
    "type-checks the README's examples and every public subpath under moduleResolution $name",
    async (mode) => {
      const all = readmeFiles();
      expect(Object.keys(all).length).toBeGreaterThan(0);
      const { files: readme, subpaths } = withoutNestUnderNode16(mode, all, publicSubpaths(app()));
      expectTypesOnly(app(), mode, { ...readme, 'probe.ts': importProbe(subpaths) });
    },
    CHECK_TIMEOUT,
  );

  it('imports every public subpath from an ES module, with the named exports CommonJS sees', async () => {
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const outcomes = {};
      for (const subpath of ${JSON.stringify(publicSubpaths(app()))}) {
        const cjs = Object.keys(require(subpath));
        const esm = await import(subpath);
        outcomes[subpath] = { exports: cjs.length, missingFromEsm: cjs.filter((name) => !(name in esm)) };
      }
      console.log(JSON.stringify(outcomes));`;
    writeFileSync(join(app(), 'import-all.mjs'), script);
    const { stdout } = await runCommand(process.execPath, ['import-all.mjs'], app());
    const outcomes = JSON.parse(stdout) as Record<string, { exports: number; missingFromEsm: string[] }>;
    expect(Object.keys(outcomes)).toEqual(publicSubpaths(app()));
    for (const [subpath, outcome] of Object.entries(outcomes)) {
      expect({ subpath, ...outcome }).toEqual({ subpath, exports: expect.any(Number), missingFromEsm: [] });
      expect(outcome.exports).toBeGreaterThan(0);
    }
  }, CHECK_TIMEOUT);

  it("serves the README's Express app: sign-up, then the protected route with the session cookie", async () => {
    // Type-checked above; here each block only needs compiling to the CommonJS an app would run.
    const dir = join(app(), 'run');
    mkdirSync(dir, { recursive: true });
    const compilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true, experimentalDecorators: true, emitDecoratorMetadata: true };
    for (const [name, source] of Object.entries(readmeFiles())) {
      writeFileSync(join(dir, name.replace(/\.ts$/, '.js')), ts.transpileModule(source, { compilerOptions, fileName: name }).outputText);
    }

    const server = spawn(process.execPath, ['-r', join(__dirname, 'listen-on-free-port.cjs'), join(dir, 'app.js')], {
      cwd: app(),
      env: cleanEnv({ AUTH_SECRET: 'a-consumer-test-secret-of-at-least-32-characters' }),
    });
    try {
      const port = await new Promise<number>((done, fail) => {
        let output = '';
        const collect = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (\d+)/.exec(output);
          if (match) done(Number(match[1]));
        };
        server.stdout.on('data', collect);
        server.stderr.on('data', collect);
        server.once('exit', (code) => fail(new Error(`the README app exited (${code}) before listening:\n${output}`)));
      });
      const base = `http://127.0.0.1:${port}`;

      const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'reader@example.com', password: 'a long enough password', name: 'Reader' }),
      });
      expect(signUp.status).toBe(200);
      const cookie = signUp.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ');
      expect(cookie).toContain('better-auth.session_token=');

      const profile = await fetch(`${base}/api/profile`, { headers: { cookie } });
      expect({ status: profile.status, body: await profile.json() }).toEqual({ status: 200, body: { plan: 'free' } });
      const anonymous = await fetch(`${base}/api/profile`);
      expect(anonymous.status).toBe(401);
    } finally {
      server.kill();
    }
  }, CHECK_TIMEOUT);

  it('runs the installed CLI: `npx better-auth-entities generate` prints the example config’s schema', async () => {
    cpSync(join(repo, 'examples'), join(app(), 'examples'), { recursive: true });
    // The CLI compiles the TypeScript config itself (SWC), whatever this tsconfig says.
    const compilerOptions = { target: 'es2022', module: 'commonjs', strict: true, esModuleInterop: true, experimentalDecorators: true, emitDecoratorMetadata: true };
    writeFileSync(join(app(), 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['examples'] }));
    const { stdout } = await runCommand('npx', ['--no', PACKAGE_NAME, 'generate', '--config', 'examples/auth.config.ts', '--dialect', 'postgres'], app());
    expect(stdout).toMatch(/CREATE TABLE/i);
    expect(stdout).toContain('stripe_customer_id'); // a column of the example's own user class
  }, CHECK_TIMEOUT);

  it('names the npm package to install when a database URL needs a driver the app lacks, from the adapter and the migrations', async () => {
    const script = `
      const { TypeOrmAdapter } = require('${PACKAGE_NAME}/adapters/typeorm');
      const { runMigrations } = require('${PACKAGE_NAME}/migrations');
      const message = (promise) => promise.then(() => 'no error', (error) => error.message);
      (async () => {
        console.log(JSON.stringify({
          adapter: await message(TypeOrmAdapter.connect('mysql://root@127.0.0.1:1/none', {})),
          migrations: await message(runMigrations('mysql://root@127.0.0.1:1/none')),
          sqlite: await message(runMigrations('sqlite::memory:')),
        }));
      })();`;
    const { stdout } = await runCommand(process.execPath, ['-e', script], app());
    const messages = JSON.parse(stdout) as Record<string, string>;
    expect(messages.adapter).toContain('Install one: mysql2.');
    expect(messages.migrations).toContain('Install one: mysql2.');
    expect(messages.sqlite).toContain('Install one: sqlite3 (TypeORM 0.3) or better-sqlite3');
  }, CHECK_TIMEOUT);

  it('applies the shipped migrations from dist with plain node (no ts-node), and a second run changes nothing', async () => {
    const database = await createPostgresSchema('package');
    try {
      const script = `
        const { runMigrations } = require('${PACKAGE_NAME}/migrations');
        (async () => {
          const first = await runMigrations(process.env.DATABASE_URL);
          const second = await runMigrations(process.env.DATABASE_URL);
          console.log(JSON.stringify({ first, second, typescriptLoader: Boolean(require.extensions['.ts']) }));
        })().catch((error) => { console.error(error); process.exit(1); });`;
      const { stdout } = await runCommand(process.execPath, ['-e', script], app(), cleanEnv({ DATABASE_URL: database.url }));
      const { first, second, typescriptLoader } = JSON.parse(stdout);
      expect(first.applied).toEqual(expect.arrayContaining(['001_initial']));
      expect(second).toEqual({ applied: [], skipped: first.applied });
      expect(typescriptLoader).toBe(false);
    } finally {
      await database.drop();
    }
  }, CHECK_TIMEOUT);

  const typescript7Tsc = () => join(typescript7Dir(), 'node_modules', '.bin', 'tsc');
  /** `tsc -p <configFile> --noEmit` under TypeScript 7, in the config's folder: what it printed. */
  const runTypeScript7 = (configFile: string) =>
    runCommand(typescript7Tsc(), ['-p', configFile, '--noEmit', '--incremental', 'false'], dirname(configFile)).then(
      ({ stdout }) => stdout,
      (error: Error) => error.message,
    );
  describe.each([
    // Each version's apps sit in a folder of their own; `tsc` is that version's compiler. The 5.9 apps are checked
    // by this process's TypeScript (the same version, see the first test), which parses the declarations they
    // share once; TypeScript 7 has no compiler API, so its tsc runs.
    {
      typescript: '5.9',
      dir: () => join(readmeApp(), 'ts5'),
      tsc: () => join(readmeApp(), 'node_modules', '.bin', 'tsc'),
      variants: APP_VARIANTS,
      compile: async (configFile: string) => compileProject(configFile),
    },
    {
      typescript: '7',
      dir: () => join(typescript7Dir(), 'apps'),
      tsc: typescript7Tsc,
      variants: APP_VARIANTS.filter((variant) => variant.typescript7),
      compile: runTypeScript7,
    },
  ])('with TypeScript $typescript', ({ typescript, dir, tsc, variants, compile }) => {
    const bin = () => join(readmeApp(), 'node_modules', '.bin', PACKAGE_NAME);
    // TypeScript 7 checks the README's examples in each layout too (5.9 does it above, through its compiler API,
    // which 7 lacks). They sit in the app's `readme/` folder, under its tsconfig, so one run of tsc checks both:
    // a run takes about as long to start as to check. Each of the two tests asserts on its own files' errors.
    const checksReadme = typescript === '7';
    const checks = new Map<string, Promise<LayoutCheck>>();
    const checkLayout = (variant: AppVariant) => {
      if (!checks.has(variant.name)) checks.set(variant.name, typeCheckLayout(join(dir(), variant.name), variant));
      return checks.get(variant.name)!;
    };
    async function typeCheckLayout(app: string, variant: AppVariant): Promise<LayoutCheck> {
      // TypeScript 5.9 checks our declarations in full above; here it checks the app's use of them, faster.
      writeVariantApp(app, variant, { skipLibCheck: typescript !== '7', include: checksReadme ? [README_FOLDER] : [] });
      const readme = checksReadme ? withoutNestUnderNode16(variant, readmeFiles(), []).files : {};
      if (checksReadme) mkdirSync(join(app, README_FOLDER), { recursive: true });
      for (const [file, source] of Object.entries(readme)) writeFileSync(join(app, README_FOLDER, file), source);
      return { errors: ownErrors(await compile(join(app, 'tsconfig.json'))), readmeFiles: Object.keys(readme).length };
    }
    const inReadme = (error: string) => error.startsWith(`${README_FOLDER}/`);

    it('has the TypeScript version it is named for', async () => {
      mkdirSync(dir(), { recursive: true });
      const installed = (await runCommand(tsc(), ['--version'], dir())).stdout;
      expect(installed).toContain(`Version ${typescript}`);
      if (typescript === '5.9') expect(installed).toContain(`Version ${ts.version}`); // the compiler that checks these apps
    }, CHECK_TIMEOUT);

    // The CLI never loads TypeScript (its loader is SWC), so each app layout runs it once: under TypeScript 7, what
    // `npm install -D typescript` gives today, and under 5.9 for the layout 7 dropped (`moduleResolution: node`).
    // The 5.9 run is also the one with 5.9 and ts-node beside the CLI, which it must leave alone.
    const runsCli = (variant: AppVariant) => typescript === '7' || !variant.typescript7;
    it.each(variants.map((variant) => [`${variant.name} app${runsCli(variant) ? ' and runs the CLI `generate` and `migrate` on its .ts config' : ''}`, variant] as [string, AppVariant]))(
      'type-checks a %s',
      async (_title, variant) => {
        const name = variant.name;
        const app = join(dir(), name);
        expect((await checkLayout(variant)).errors.filter((error) => !inReadme(error))).toEqual([]);
        if (!runsCli(variant)) return;

        const database = await createPostgresSchema(`cli_${typescript.replace('.', '')}_${name.replace(/-/g, '_')}`);
        try {
          const env = cleanEnv({ DATABASE_URL: database.url });
          const generated = await runCommand(bin(), ['generate', '--config', 'auth.config.ts', '--dialect', 'postgres'], app, env);
          expect(generated.stdout).toMatch(/"variant_?plan"/i); // the app's own column, read from its decorators
          const migrated = await runCommand(bin(), ['migrate', '--config', 'auth.config.ts', '--yes'], app, env);
          expect(migrated.stdout).toMatch(/Applied \d+ changes/);
          const again = await runCommand(bin(), ['migrate', '--config', 'auth.config.ts', '--yes'], app, env);
          expect(again.stdout).toContain('nothing to migrate');
        } finally {
          await database.drop();
        }
      },
      CLI_APP_TIMEOUT,
    );

    if (checksReadme) it.each(variants.map((variant) => [variant.name, variant] as [string, AppVariant]))(
      "type-checks the README's examples in a %s app",
      async (_name, variant) => {
        const { errors, readmeFiles: checked } = await checkLayout(variant);
        expect(checked).toBeGreaterThan(3);
        // The app's own files are the other test's; errors in our declarations count for both.
        expect(errors.filter((error) => inReadme(error) || !APP_FILES.some((file) => error.startsWith(file)))).toEqual([]);
      },
      CHECK_TIMEOUT,
    );

    it("compiles examples/nest-app with `nest new`'s tsconfig (module nodenext)", async () => {
      const example = join(dir(), 'nest-app');
      cpSync(join(repo, 'examples', 'nest-app'), example, { recursive: true });
      expect(ownErrors(await compile(join(example, 'tsconfig.json')))).toEqual([]);
    }, CHECK_TIMEOUT);
  });
});
