'use strict';
// Turns an app's TypeScript into JavaScript for the CLI's loaders. SWC needs no TypeScript install (TypeScript 7
// has no compiler API, and the app may have none), and emits legacy decorators with their `design:*`
// metadata, which TypeORM's columns and the entity builder read. A config is run, never type-checked, so
// the app's tsconfig (module, moduleResolution, paths) does not change what runs.
// Plain JavaScript on purpose: this is what compiles TypeScript, and Node's hook thread loads it by URL.
const { transformSync } = require('@swc/core');

/**
 * How TypeScript is parsed and lowered: legacy decorators with metadata, class fields assigned in the
 * constructor (`useDefineForClassFields: false`, as TypeORM's entities expect), class names kept for messages.
 * @param {string} filename
 */
function typeScriptSyntax(filename) {
  return {
    parser: { syntax: 'typescript', decorators: true, tsx: filename.endsWith('.tsx') },
    target: 'es2022',
    keepClassNames: true,
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  };
}

/**
 * @param {string} source the file's TypeScript
 * @param {string} filename its absolute path (for source maps and syntax errors)
 * @param {'commonjs' | 'module'} format what Node will run it as
 * @returns {string} JavaScript with an inline source map
 */
function compileTypeScript(source, filename, format) {
  return transformSync(source, {
    filename,
    swcrc: false,
    configFile: false,
    sourceMaps: 'inline',
    jsc: typeScriptSyntax(filename),
    // A CommonJS file keeps `import()` as Node's: it is how CommonJS code reaches an ES-module-only package.
    // The export annotation (`0 && (module.exports = { a, b })`) is what Node's lexer reads to give an ES module
    // importing this file its named exports: SWC's own export helper hides them from it.
    module: format === 'module' ? { type: 'es6' } : { type: 'commonjs', ignoreDynamic: true, exportInteropAnnotation: true },
  }).code;
}

module.exports = { compileTypeScript, typeScriptSyntax };
