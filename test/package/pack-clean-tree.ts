import { cpSync, readdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { runCommand } from './run-command';

/** Never copied: installed or built output, and local state. A clean clone has none of them. */
const NOT_SOURCE = new Set(['node_modules', 'dist', '.git', 'coverage', join('bench', 'results')]);

/**
 * Packs the repository the way `npm publish` would from a fresh clone: its sources are copied to `work/tree`
 * without `dist`, so the tarball holds compiled code only if `prepack` builds it. The copy borrows the
 * repository's node_modules (a symlink) for the compiler. Returns the tarball's path.
 */
export async function packCleanTree(repo: string, work: string): Promise<string> {
  const tree = join(work, 'tree');
  cpSync(repo, tree, {
    recursive: true,
    filter: (source) => {
      const path = relative(repo, source);
      return !NOT_SOURCE.has(path) && !path.endsWith(`${sep}.tsbuildinfo`);
    },
  });
  symlinkSync(realpathSync(join(repo, 'node_modules')), join(tree, 'node_modules'), 'dir');
  await runCommand('npm', ['pack', '--pack-destination', work, '--loglevel', 'error'], tree);
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack produced no tarball in ${work}`);
  return join(work, tarball);
}
