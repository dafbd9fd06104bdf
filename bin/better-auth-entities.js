#!/usr/bin/env node
'use strict';
// The CLI entry. Configs are usually TypeScript, so ts-node is registered when the app has it (transpile
// only: a config is run, not type-checked), with tsconfig-paths when present for path aliases.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

function tryRequire(id, use) {
  try {
    use(require(id));
  } catch (error) {
    if (error && error.code !== 'MODULE_NOT_FOUND') throw error;
  }
}

tryRequire('ts-node', (tsNode) => tsNode.register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } }));
tryRequire('tsconfig-paths', (paths) => paths.register && require('tsconfig-paths/register'));

// In a checkout of this repository the sources run (through ts-node); a published package runs dist. The
// package ships its .ts sources too (the declaration maps point at them), so a checkout is told apart by its
// tsconfig.json, which is not published.
const root = join(__dirname, '..');
const checkout = existsSync(join(root, 'tsconfig.json'));
require(checkout ? join(root, 'src', 'cli', 'main.ts') : join(root, 'dist', 'src', 'cli', 'main.js'));
