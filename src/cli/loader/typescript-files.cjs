'use strict';
// Which files are TypeScript, how Node runs each, and where an import written for the emitted JavaScript
// (`./entities.js` under node16/nodenext, `./entities` under bundler) finds its TypeScript source.
const { existsSync, readFileSync, statSync } = require('node:fs');
const { dirname, join } = require('node:path');

const TYPESCRIPT = /\.[cm]?tsx?$/;

/** @param {string} filename */
function isTypeScript(filename) {
  return TYPESCRIPT.test(filename) && !/\.d\.[cm]?ts$/.test(filename);
}

/**
 * `module` or `commonjs`, as Node decides for the JavaScript twin: by extension, else by the nearest
 * package.json's `type`.
 * @param {string} filename
 * @returns {'module' | 'commonjs'}
 */
function formatOf(filename) {
  if (/\.m[jt]s$/.test(filename)) return 'module';
  if (/\.c[jt]s$/.test(filename)) return 'commonjs';
  return packageType(dirname(filename));
}

/** @param {string} directory */
function packageType(directory) {
  for (let at = directory; ; at = dirname(at)) {
    const manifest = join(at, 'package.json');
    if (existsSync(manifest)) {
      try {
        return JSON.parse(readFileSync(manifest, 'utf8')).type === 'module' ? 'module' : 'commonjs';
      } catch {
        return 'commonjs';
      }
    }
    if (dirname(at) === at) return 'commonjs';
  }
}

const TWINS = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/**
 * The TypeScript file a relative import that found nothing means, or `null`: `./a.js` → `./a.ts`,
 * `./a` → `./a.ts` or `./a/index.ts`.
 * @param {string} target the absolute path the import named
 * @returns {string | null}
 */
function typeScriptTwin(target) {
  const extension = Object.keys(TWINS).find((ext) => target.endsWith(ext));
  const candidates = extension
    ? TWINS[extension].map((twin) => target.slice(0, -extension.length) + twin)
    : ['.ts', '.tsx', '.mts', '.cts', '/index.ts'].map((suffix) => target + suffix);
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

module.exports = { formatOf, isTypeScript, typeScriptTwin };
