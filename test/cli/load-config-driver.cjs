'use strict';
// Loads one config the way the CLI does, outside jest (whose own module system would stand in for Node's):
// `node load-config-driver.cjs <config>` prints what it exported, or the one-line cause as the CLI words it.
require('reflect-metadata');
const { join } = require('node:path');
const loader = join(__dirname, '..', '..', 'src', 'cli', 'loader');
require(join(loader, 'require-hook.cjs')).registerRequireHook();
const { loadConfigModule } = require('../../src/cli/config-module.ts');
const { loadErrorCause } = require('../../src/cli/load-error.ts');

loadConfigModule(process.argv[2]).then(
  async (module) => {
    const value = typeof module.describe === 'function' ? await module.describe() : module.describe;
    process.stdout.write(`${JSON.stringify(value)}\n`);
  },
  (error) => {
    process.stdout.write(`${JSON.stringify({ error: loadErrorCause(error) })}\n`);
  },
);
