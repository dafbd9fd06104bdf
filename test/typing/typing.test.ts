import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(__dirname, '../..');
const fixtures = join(root, 'test/fixtures/typing');

function compilerOptions(): ts.CompilerOptions {
  const configFile = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(configFile.config, ts.sys, root).options;
}

function diagnosticsOf(files: string[], options = compilerOptions()): readonly ts.Diagnostic[] {
  const program = ts.createProgram(files, { ...options, noEmit: true });
  return ts.getPreEmitDiagnostics(program);
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
    const diagnostics = diagnosticsOf(listFixtures('must-compile'));
    expect(diagnostics.map(describeDiagnostic)).toEqual([]);
  });

  it("compiles the README's example as written", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain('requireSession(auth)');
    const generated = join(fixtures, 'generated');
    mkdirSync(generated, { recursive: true });
    const file = join(generated, 'readme-example.ts');
    writeFileSync(file, `${example}\nexport {};\n`);
    expect(diagnosticsOf([file]).map(describeDiagnostic)).toEqual([]);
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
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    expect(config.fileNames.length).toBeGreaterThan(50);
    const diagnostics = diagnosticsOf(config.fileNames, config.options);
    expect(diagnostics.map(describeDiagnostic)).toEqual([]);
  });
});
