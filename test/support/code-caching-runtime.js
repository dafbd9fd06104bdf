// Jest's module runtime, with the code V8 compiled for each module kept across the test files a worker runs.
//
// Jest gives every test file a fresh module registry, so each file loads TypeORM, class-validator and the library
// again, and Jest's compiler (`vm.compileFunction`) has V8 parse and compile each of those modules again: some
// 0.2 s of CPU per test file, a tenth of the workers' time in `npm test`. Sources do not change during a run, so
// this runtime compiles a module as a `vm.Script` (the wrapper Jest itself used before version 28) and, once the
// first test file that loaded it is done, keeps V8's code cache for it, which by then holds the functions that
// file called too. The next file that loads the same source gets that code back instead of compiling it.
//
// Only compiled code is shared: each file still runs every module afresh, with its own state. The cache lives in
// the worker's memory for the run (nothing on disk, nothing stale across runs), is used only for the exact source
// it was made from (V8 rejects a cache that does not fit, and then the module is compiled as usual), and a source
// a script cannot hold (a `#!` line) or a Jest without the compile step this wraps goes to Jest's own compiler.
const vm = require('node:vm');
const Runtime = require('jest-runtime').default;

/** File name -> the source compiled and V8's code cache for it, for this worker's run. */
const codeCaches = new Map();

class CodeCachingRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    /** Scripts compiled without a cache while this test file ran: their caches are made when it is done. */
    this.scriptsToCache = [];
    const executor = this.executor;
    if (typeof executor?.compile !== 'function' || !Array.isArray(executor.injectedModuleParameters)) return;
    const jestCompile = executor.compile.bind(executor);
    executor.compile = (source, filename) => {
      const context = executor.environment.getVmContext();
      if (context == null || source.startsWith('#!')) return jestCompile(source, filename);
      return this.compileCached(source, filename, context, executor, jestCompile);
    };
  }

  compileCached(source, filename, context, executor, jestCompile) {
    const known = codeCaches.get(filename);
    const cachedData = known && known.source === source ? known.cachedData : undefined;
    let script;
    try {
      // The wrapper shares the module's first line, so line numbers in stack traces stay the module's own.
      script = new vm.Script(`(function (${executor.injectedModuleParameters.join(', ')}) {${source}\n})`, {
        filename,
        cachedData,
        importModuleDynamically: (specifier, _script, attributes) => executor.dynamicImport(specifier, filename, context, attributes),
      });
    } catch {
      return jestCompile(source, filename); // Jest's compiler reports the syntax error its own way
    }
    if (!cachedData || script.cachedDataRejected) this.scriptsToCache.push({ filename, source, script });
    return script.runInContext(context);
  }

  teardown() {
    for (const { filename, source, script } of this.scriptsToCache) codeCaches.set(filename, { source, cachedData: script.createCachedData() });
    this.scriptsToCache = [];
    super.teardown();
  }
}

module.exports = CodeCachingRuntime;
