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

// In a checkout of this repository the sources run (through ts-node); a published package runs dist.
const source = join(__dirname, '..', 'src', 'cli', 'main.ts');
require(existsSync(source) ? source : join(__dirname, '..', 'dist', 'src', 'cli', 'main.js'));
