import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { readmeTypeScriptBlocks } from '../package/readme-blocks';

const root = resolve(__dirname, '../..');
const fixtures = join(root, 'test/fixtures/typing');

const listFixtures = (folder: string) => readdirSync(join(fixtures, folder)).map((name) => join(fixtures, folder, name));

/** The README's example files, written where the program below reads them (a git-ignored folder). */
const README_FILES = ['entities.ts', 'auth.ts', 'app.ts', 'client.ts'];
const readmeFolder = join(fixtures, 'generated', 'readme');

/** Writes the README's blocks into `readmeFolder`, each under the file name its info string gives. */
function writeReadmeFiles(): string[] {
  const blocks = readmeTypeScriptBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
  mkdirSync(readmeFolder, { recursive: true });
  return README_FILES.map((name) => {
    const block = blocks.find((candidate) => candidate.file === name);
    if (!block) throw new Error(`the README has no \`\`\`ts ${name} block`);
    writeFileSync(join(readmeFolder, name), block.code);
    return join(readmeFolder, name);
  });
}

/**
 * One program checks everything here: the whole project as `tsconfig.json` lists it (sources, examples, tests and
 * the must-compile fixtures), the README's example files and the must-fail fixtures, which tsconfig leaves out.
 * Each test reads the diagnostics of its own files. One program costs one check of the sources their imports
 * reach; a program per fixture checked the sources again each time (a third of this file's time).
 */
interface CheckedProgram {
  readonly projectFiles: string[];
  readonly readmeFiles: string[];
  readonly diagnostics: readonly ts.Diagnostic[];
}
let checked: CheckedProgram | undefined;
function checkedProgram(): CheckedProgram {
  if (!checked) {
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const readmeFiles = writeReadmeFiles();
    const options = { ...config.options, noEmit: true };
    const program = ts.createProgram([...config.fileNames, ...readmeFiles, ...listFixtures('must-fail')], options);
    checked = { projectFiles: config.fileNames, readmeFiles, diagnostics: ts.getPreEmitDiagnostics(program) };
  }
  return checked;
}

/** The diagnostics of `files`, and those of no file (options, globals), which every file's check must see empty. */
function diagnosticsOf(files: readonly string[]): readonly ts.Diagnostic[] {
  return checkedProgram().diagnostics.filter((diagnostic) => !diagnostic.file || files.includes(diagnostic.file.fileName));
}

function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${diagnostic.file.fileName}:${line + 1}: ${message}`;
}

describe('types flow from the entity classes to the handlers', () => {
  it('compiles code that reads custom fields through sessions, adapters and Express middleware', () => {
    const mustCompile = listFixtures('must-compile');
    // The fixtures are part of the project (tsconfig.json includes test/), so the program checks them with it.
    expect(mustCompile.filter((fixture) => !checkedProgram().projectFiles.includes(fixture))).toEqual([]);
    expect(diagnosticsOf(mustCompile).map(describeDiagnostic)).toEqual([]);
  });

  it("compiles the README's example as written: the server files and the browser client, together", () => {
    const { readmeFiles } = checkedProgram();
    const blocks = readmeTypeScriptBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
    expect(readFileSync(join(readmeFolder, 'app.ts'), 'utf8')).toContain('requireSession(auth)');
    expect(blocks.find((block) => block.file === 'client.ts')?.browser).toBe(true);
    expect(readmeFiles).toHaveLength(README_FILES.length);
    expect(diagnosticsOf(readmeFiles).map(describeDiagnostic)).toEqual([]);
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
    const { projectFiles } = checkedProgram();
    expect(projectFiles.length).toBeGreaterThan(50);
    expect(diagnosticsOf(projectFiles).map(describeDiagnostic)).toEqual([]);
  });
});
