'use strict';
// The CommonJS half of the CLI's loader: `require` of a .ts/.cts file compiles it with SWC, and a relative
// import that names the emitted JavaScript (`./entities.js`) finds its TypeScript source.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { dirname, resolve } = require('node:path');
const { compileTypeScript } = require('./compile-typescript.cjs');
const { isTypeScript, typeScriptTwin } = require('./typescript-files.cjs');

let registered = false;

/** Registers the hook once per process; later calls do nothing. */
function registerRequireHook() {
  if (registered) return;
  registered = true;
  // Replaces any earlier .ts handler: Node's own type stripping cannot compile decorators, and an app's ts-node
  // needs a TypeScript with a compiler API (TypeScript 7 has none).
  for (const extension of ['.ts', '.cts', '.tsx']) {
    Module._extensions[extension] = function compile(module, filename) {
      module._compile(compileTypeScript(readFileSync(filename, 'utf8'), filename, 'commonjs'), filename);
    };
  }
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function resolveTypeScript(request, parent, ...rest) {
    try {
      return resolveFilename.call(this, request, parent, ...rest);
    } catch (error) {
      const twin = error && error.code === 'MODULE_NOT_FOUND' && twinOf(request, parent);
      if (!twin) throw error;
      return twin;
    }
  };
}

function twinOf(request, parent) {
  if (!/^\.\.?\//.test(request) || !parent || !parent.filename || !isTypeScript(parent.filename)) return null;
  return typeScriptTwin(resolve(dirname(parent.filename), request));
}

module.exports = { registerRequireHook };
