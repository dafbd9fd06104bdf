'use strict';
/**
 * The `.ts` require hook of `npm run example`, the bench's processes and the tests' child processes (with
 * `-r tsconfig-paths/register` for the package's own paths): the CLI's own loader, which compiles each file with SWC.
 *
 * Why not ts-node: `ts-node/register` loads Node's `repl` module, which loads `domain`, and once `domain` is
 * loaded every EventEmitter in the process takes a slower path (EventEmitter.init and emit check for an
 * active domain). The profile of our server showed those frames on every request; an app running compiled
 * JavaScript never pays for them, so neither may the server the bench measures, nor the load generator.
 *
 * Why SWC and not TypeScript's `transpileModule`: a process that loads the library compiles some 400 files at
 * start. TypeScript took 5 to 6 seconds of CPU for them (and kept its ~60 MB compiler in the heap); SWC, native
 * code, takes well under one, with nothing left in the heap. The tests start dozens of such processes.
 */
require('../src/cli/loader/require-hook.cjs').registerRequireHook();
