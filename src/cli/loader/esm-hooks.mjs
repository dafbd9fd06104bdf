// The ES-module half of the CLI's loader, registered with `module.register` (it runs on Node's hooks thread):
// a .ts/.mts file that Node runs as an ES module is compiled with SWC, and a relative import naming the
// emitted JavaScript (`./entities.js`, or `./entities` in bundler style) finds its TypeScript source.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { compileTypeScript } = require('./compile-typescript.cjs');
const { formatOf, isTypeScript, typeScriptTwin } = require('./typescript-files.cjs');

const NOT_FOUND = new Set(['ERR_MODULE_NOT_FOUND', 'ERR_UNSUPPORTED_DIR_IMPORT']);

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const parent = context.parentURL;
    if (!NOT_FOUND.has(error?.code) || !/^\.\.?\//.test(specifier) || !parent?.startsWith('file:') || !isTypeScript(fileURLToPath(parent))) throw error;
    const twin = typeScriptTwin(fileURLToPath(new URL(specifier, parent)));
    if (!twin) throw error;
    return nextResolve(pathToFileURL(twin).href, context);
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:')) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  if (!isTypeScript(filename)) return nextLoad(url, context);
  // A CommonJS file gets its compiled source too: without it Node reads the TypeScript itself to find the
  // named exports an ES module imports (`import { AppUser } from './entities.cjs'`), and finds none.
  const format = formatOf(filename);
  return { format, shortCircuit: true, source: compileTypeScript(await readFile(filename, 'utf8'), filename, format) };
}
