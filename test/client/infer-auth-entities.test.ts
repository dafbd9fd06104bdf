import path from 'node:path';
import { buildSync } from 'esbuild';
import { inferAuthEntities } from 'better-auth-entities/client';
import type { auth } from '../fixtures/typing/client/client-app';

const root = path.resolve(__dirname, '../..');

/** The client entry as a browser bundler would package it (tree-shaken, types erased), with what went in. */
function browserBundle() {
  const result = buildSync({
    entryPoints: [path.join(root, 'src/client/index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) };
}

describe('the client entry point (better-auth-entities/client)', () => {
  it('returns a better-auth client plugin whose only run-time content is its id and an empty type carrier', () => {
    const plugin = inferAuthEntities<typeof auth>();
    expect(plugin).toEqual({ id: 'auth-entities', $InferServerPlugin: {} });
  });

  it('bundles for the browser from its own folder alone, so no server code reaches a client app', () => {
    const { code, inputs } = browserBundle();
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.filter((input) => !input.startsWith('src/client/'))).toEqual([]);
    expect(code).toContain('auth-entities');
    expect(code.length).toBeLessThan(1024);
  });
});
