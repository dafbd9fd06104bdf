import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readmeModules, readmeTypeScriptBlocks } from './readme-blocks';

/**
 * What a reader of the README on npm can follow without the repository: the fast half of the README checks
 * (the consumer test compiles every block against the packed package under TypeScript 5.9 and 7).
 */
const repo = resolve(__dirname, '../..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { files: string[] };
const REPOSITORY = 'https://github.com/better-auth-entities/better-auth-entities';

describe('the README', () => {
  const blocks = readmeTypeScriptBlocks(readme);
  const modules = readmeModules(blocks);

  it('has no TypeScript block with top-level await, so every block compiles in a CommonJS app', () => {
    expect(blocks.length).toBeGreaterThan(5);
    expect(() => readmeModules(blocks)).not.toThrow();
    expect(() => readmeModules([{ file: 'late.ts', code: "const db = await open();\n" }])).toThrow(/late\.ts.*top-level await/);
  });

  it('imports, in each block, only files that another block names', () => {
    const files = new Set(modules.map((module) => module.file));
    const missing = modules.flatMap((module) =>
      [...module.source.matchAll(/from '\.\/([\w.-]+)\.js'/g)].map((match) => `${match[1]}.ts`).filter((file) => !files.has(file)).map((file) => `${module.file} imports ${file}`),
    );
    expect(missing).toEqual([]);
  });

  it('names, outside links, only files the package ships', () => {
    const shipped = (path: string) => manifest.files.some((entry) => path === entry || path.startsWith(`${entry.replace(/\/$/, '')}/`));
    // Paths in backticks that look like repository files; commands and URL paths are not files.
    const named = [...readme.replace(/\[[^\]]*\]\([^)]*\)/g, '').matchAll(/`((?:[\w-]+\/)+[\w.-]+\.(?:ts|md|sql|json)|[A-Z]+\.md)`/g)].map((match) => match[1]);
    const cloneOnly = readme.slice(readme.indexOf('## Two commands'), readme.indexOf('## A custom user'));
    const unshipped = named.filter((path) => !shipped(path) && !cloneOnly.includes(`\`${path}\``) && !/[<*]/.test(path));
    expect(named.length).toBeGreaterThan(2);
    expect(unshipped).toEqual([]);
  });

  it('links the repository for what only the repository holds, and package.json says where it is', () => {
    const links = [...readme.matchAll(/\]\((https:\/\/github\.com\/better-auth-entities\/better-auth-entities\/(?:blob|tree)\/main\/([^)#]+))\)/g)].map((match) => match[2]);
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((path) => !existsSync(join(repo, path)))).toEqual([]);
    const { repository, homepage, bugs } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect([repository.url, homepage, bugs.url]).toEqual([`git+${REPOSITORY}.git`, `${REPOSITORY}#readme`, `${REPOSITORY}/issues`]);
  });
});
