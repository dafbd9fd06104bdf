// Jest's compiler for the project's TypeScript: SWC with the CLI loader's syntax options (legacy decorators and
// their metadata, `useDefineForClassFields: false`), to CommonJS. It only strips types, as ts-jest did here
// (tsconfig's `isolatedModules` put it in transpile-only mode): the typing test type-checks the whole project in one
// program. SWC is native code, some ten times faster than TypeScript's `transpileModule` on a fresh clone, where
// Jest's cache is empty and every worker compiles the library.
// `import()` becomes `require()`, as TypeScript's CommonJS output has it: Jest's module registry runs CommonJS
// only, and compiles the ES-module-only packages with esm-package-transformer.js.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const swc = require('@swc/core');
const { typeScriptSyntax } = require('../../src/cli/loader/compile-typescript.cjs');

const SELF = createHash('sha1')
  .update(readFileSync(__filename))
  .update(readFileSync(require.resolve('../../src/cli/loader/compile-typescript.cjs')))
  .update(require('@swc/core/package.json').version)
  .digest('hex');

module.exports = {
  process(source, filename) {
    const { code, map } = swc.transformSync(source, {
      filename,
      swcrc: false,
      configFile: false,
      sourceMaps: true,
      jsc: typeScriptSyntax(filename),
      module: { type: 'commonjs' },
    });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return createHash('sha1').update(SELF).update(filename).update('\0').update(source).digest('hex');
  },
};
