import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from './package-root';

// The loader is plain JavaScript beside the sources (src/cli/loader), shipped as is: it is what compiles
// TypeScript, so it cannot be TypeScript itself, and Node's hooks thread loads it by URL.
const loader = (file: string) => join(packageRoot(), 'src', 'cli', 'loader', file);

interface TypeScriptFiles {
  formatOf(filename: string): 'module' | 'commonjs';
}
interface RequireHook {
  registerRequireHook(): void;
}
interface EsmHooks {
  registerEsmHooks(): void;
  importModule(url: string): Promise<Record<string, unknown>>;
}

/**
 * Runs a config file as Node would run its JavaScript twin, and answers its exports. TypeScript (.ts, .mts,
 * .cts) compiles with SWC whatever the app's TypeScript version and tsconfig; a CommonJS file is required, an
 * ES module (.mjs, .mts, or .js/.ts under `"type": "module"`) is imported, so it may use top-level `await`.
 * @example
 * const { auth } = await loadConfigModule('/app/auth.config.ts');
 */
export async function loadConfigModule(path: string): Promise<Record<string, unknown>> {
  (require(loader('require-hook.cjs')) as RequireHook).registerRequireHook();
  registerPathAliases(path);
  const format = (require(loader('typescript-files.cjs')) as TypeScriptFiles).formatOf(path);
  if (format === 'commonjs') return require(path) as Record<string, unknown>;
  const esm = require(loader('register-esm-hooks.cjs')) as EsmHooks;
  esm.registerEsmHooks();
  return esm.importModule(pathToFileURL(path).href);
}

/**
 * The app's tsconfig `paths`, for CommonJS configs, when the app has tsconfig-paths (it reads JSON, not
 * TypeScript): resolved from the config's folder, since it is the app's package, not one of ours. Best effort:
 * a config without aliases must load whatever tsconfig-paths thinks of the tsconfig.
 */
function registerPathAliases(config: string): void {
  try {
    createRequire(config)('tsconfig-paths/register');
  } catch {
    // not installed, or no tsconfig it understands: relative imports still resolve
  }
}
