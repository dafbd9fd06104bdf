import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { readmeTypeScriptBlocks } from '../package/readme-blocks';
import { sharingCompilerHost } from '../support/sharing-compiler-host';

const root = resolve(__dirname, '../..');
const fixtures = join(root, 'test/fixtures/typing');

function compilerOptions(): ts.CompilerOptions {
  const configFile = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(configFile.config, ts.sys, root).options;
}

function diagnosticsOf(files: string[], options = compilerOptions()): readonly ts.Diagnostic[] {
  const compileOptions = { ...options, noEmit: true };
  const program = ts.createProgram(files, compileOptions, sharingCompilerHost(compileOptions));
  return ts.getPreEmitDiagnostics(program);
}

/** The whole project as `tsconfig.json` lists it (the must-compile fixtures included), checked once for two tests. */
let projectDiagnostics: { files: string[]; diagnostics: readonly ts.Diagnostic[] } | undefined;
function wholeProject(): { files: string[]; diagnostics: readonly ts.Diagnostic[] } {
  if (!projectDiagnostics) {
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    projectDiagnostics = { files: config.fileNames, diagnostics: diagnosticsOf(config.fileNames, config.options) };
  }
  return projectDiagnostics;
}

function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${diagnostic.file.fileName}:${line + 1}: ${message}`;
}

const listFixtures = (folder: string) => readdirSync(join(fixtures, folder)).map((name) => join(fixtures, folder, name));

describe('types flow from the entity classes to the handlers', () => {
  it('compiles code that reads custom fields through sessions, adapters and Express middleware', () => {
    const mustCompile = listFixtures('must-compile');
    const { files, diagnostics } = wholeProject();
    // The fixtures are part of the project (tsconfig.json includes test/), so its one program checks them.
    expect(mustCompile.filter((fixture) => !files.includes(fixture))).toEqual([]);
    expect(diagnostics.filter((diagnostic) => mustCompile.includes(diagnostic.file?.fileName ?? '')).map(describeDiagnostic)).toEqual([]);
  });

  it("compiles the README's example as written: the server files and the browser client, together", () => {
    const blocks = readmeTypeScriptBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
    const wanted = ['entities.ts', 'auth.ts', 'app.ts', 'client.ts'];
    const generated = join(fixtures, 'generated', 'readme');
    mkdirSync(generated, { recursive: true });
    const files = wanted.map((name) => {
      const block = blocks.find((candidate) => candidate.file === name);
      expect(block).toBeDefined();
      const file = join(generated, name);
      writeFileSync(file, block!.code);
      return file;
    });
    expect(readFileSync(files[2], 'utf8')).toContain('requireSession(auth)');
    expect(blocks.find((block) => block.file === 'client.ts')?.browser).toBe(true);
    expect(diagnosticsOf(files).map(describeDiagnostic)).toEqual([]);
  });

  it.each(readdirSync(join(fixtures, 'must-fail')))('rejects exactly the marked lines of %s', (name) => {
    const file = join(fixtures, 'must-fail', name);
    const diagnostics = diagnosticsOf([file]).filter((d) => d.file?.fileName === file);
    const lines = readFileSync(file, 'utf8').split('\n');
    const marked = lines.flatMap((text, index) => (text.includes('// expect-error') ? [index + 1] : []));
    const failing = [...new Set(diagnostics.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1))].sort((a, b) => a - b);

    expect(marked.length).toBeGreaterThan(0);
    expect(failing).toEqual(marked);
    // A marker may name the error (`// expect-error TS2322: …`): the line must fail with that one, not any.
    const expectedCodes = lines.flatMap((text, index) => {
      const code = /\/\/ expect-error (TS\d+)/.exec(text)?.[1];
      return code ? [`${index + 1}: ${code}`] : [];
    });
    const actualCodes = new Set(diagnostics.map((d) => `${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1}: TS${d.code}`));
    expect(expectedCodes.filter((expected) => !actualCodes.has(expected))).toEqual([]);
  });

  it('type-checks the whole project (sources, examples and tests)', () => {
    const { files, diagnostics } = wholeProject();
    expect(files.length).toBeGreaterThan(50);
    expect(diagnostics.map(describeDiagnostic)).toEqual([]);
  });
});
