import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The package's own folder: the first one above this file with a package.json. The CLI runs from `src/cli`
 * in a checkout and from `dist/src/cli` once published (dist has no package.json), so a fixed `../..` would
 * be wrong in one of them.
 */
export function packageRoot(from: string = __dirname): string {
  for (let at = from; ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json'))) return at;
    if (dirname(at) === at) throw new Error(`No package.json above ${from}`);
  }
}
