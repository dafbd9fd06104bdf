'use strict';
/**
 * A minimal `.ts` require hook for the bench (with `-r tsconfig-paths/register` for the package's own paths).
 *
 * Why not ts-node: `ts-node/register` loads Node's `repl` module, which loads `domain`, and once `domain` is
 * loaded every EventEmitter in the process takes a slower path (EventEmitter.init and emit check for an
 * active domain). The profile of our server showed those frames on every request; an app running compiled
 * JavaScript never pays for them, so neither may the server the bench measures, nor the load generator.
 *
 * Why the release: the TypeScript compiler is ~60 MB of heap. A server calls `releaseTypeScript()` (through
 * protocol.cjs, when it is ready) so the process it measures holds only what a compiled app would.
 */
const fs = require('node:fs');
const path = require('node:path');

const RELEASE = Symbol.for('better-auth-entities.bench.releaseTypeScript');
let compile = null;

function compiler() {
  if (compile) return compile;
  const ts = require('typescript');
  const configPath = path.join(__dirname, '..', '..', 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(configPath));
  const compilerOptions = { ...options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: true, declaration: false };
  compile = (source, fileName) => ts.transpileModule(source, { compilerOptions, fileName }).outputText;
  return compile;
}

require.extensions['.ts'] = (module, filename) => {
  module._compile(compiler()(fs.readFileSync(filename, 'utf8'), filename), filename);
};

globalThis[RELEASE] = () => {
  compile = null;
  const isTypeScript = (file) => file.includes(`${path.sep}node_modules${path.sep}typescript${path.sep}`);
  for (const key of Object.keys(require.cache)) if (isTypeScript(key)) delete require.cache[key];
  // The hook's own module lists the compiler among its children, which would keep it alive.
  module.children = module.children.filter((child) => !isTypeScript(child.filename));
};
