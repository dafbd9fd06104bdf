'use strict';
// Registers the ES-module hooks once per process (Node >= 20.6; the package needs 20.19), and imports with
// Node's own `import()`, which TypeScript's CommonJS output would turn into `require`.
const { register } = require('node:module');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

let registered = false;

function registerEsmHooks() {
  if (registered) return;
  registered = true;
  register(pathToFileURL(join(__dirname, 'esm-hooks.mjs')).href);
}

/** @param {string} url */
function importModule(url) {
  return import(url);
}

module.exports = { registerEsmHooks, importModule };
