#!/usr/bin/env node
'use strict';
// The published package.json carries no scripts: every one of ours (build, test, example, bench) needs files
// or dev dependencies the tarball does not hold. npm reads package.json from disk when it packs, after
// `prepack`, and runs `postpack` from the manifest it read before: so `prepack` strips the scripts and
// `postpack` puts the developer's manifest back, byte for byte (the same dance pinst does for postinstall).
const { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const manifest = join(root, 'package.json');
const saved = join(root, '.package.json.dev');

const action = process.argv[2];
if (action === 'strip') {
  copyFileSync(manifest, saved);
  const published = JSON.parse(readFileSync(manifest, 'utf8'));
  delete published.scripts;
  writeFileSync(manifest, `${JSON.stringify(published, null, 2)}\n`);
} else if (action === 'restore') {
  if (existsSync(saved)) renameSync(saved, manifest);
} else {
  process.stderr.write('usage: publish-manifest.cjs strip|restore\n');
  process.exit(2);
}
