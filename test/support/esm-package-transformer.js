// Compiles the ESM-only packages the social sign-in plugin loads (openid-client, oauth4webapi, jose) to
// CommonJS for Jest's module loader, changing nothing else: ES2022 output keeps their native classes and class
// fields. (ts-jest did this before, but reused the project's TypeScript options for them, whose
// `useDefineForClassFields: false` put jose's field initialisers ahead of `super()`: every jose error threw
// "Must call super constructor" instead of being constructed, and every refused ID token looked alike.)
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const swc = require('@swc/core');

const OPTIONS = {
  swcrc: false,
  configFile: false,
  sourceMaps: true,
  module: { type: 'commonjs' },
  jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } },
};
const SELF = createHash('sha1')
  .update(readFileSync(__filename))
  .update(require('@swc/core/package.json').version)
  .digest('hex');

module.exports = {
  process(source, filename) {
    const { code, map } = swc.transformSync(source, { ...OPTIONS, filename });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return createHash('sha1').update(SELF).update(filename).update('\0').update(source).digest('hex');
  },
};
