#!/usr/bin/env node
'use strict';
// The CLI entry. It registers nothing up front, so `--help` and `--version` load nothing; a command loads the
// app's config with the CLI's own SWC loader (src/cli/loader), never the app's ts-node or TypeScript.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

// In a checkout of this repository the sources run, compiled by that same loader; a published package runs
// dist. The package ships its .ts sources too (the declaration maps point at them), so a checkout is told
// apart by its tsconfig.json, which is not published.
const root = join(__dirname, '..');
const checkout = existsSync(join(root, 'tsconfig.json'));
if (checkout) require(join(root, 'src', 'cli', 'loader', 'require-hook.cjs')).registerRequireHook();
require(checkout ? join(root, 'src', 'cli', 'main.ts') : join(root, 'dist', 'src', 'cli', 'main.js'));
