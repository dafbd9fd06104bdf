import ts from 'typescript';

/**
 * Parsed files shared by every program a test file builds, as TypeScript's language service shares them: the
 * libraries' and the packages' declarations are read and parsed once, not once per program. The key holds the
 * language version and the file's module format (CommonJS or ES module, which node16/nodenext decide per file),
 * so a file is only reused where it parses the same. Each program still binds and checks on its own, so one
 * program's module augmentations never reach another's.
 */
const parsedFiles = new Map<string, ts.SourceFile | undefined>();

/** A compiler host for `options` whose parsed files are shared with every other host made here. */
export function sharingCompilerHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (!parsedFiles.has(key)) parsedFiles.set(key, parse(fileName, languageVersion, onError, shouldCreate));
    return parsedFiles.get(key);
  };
  return host;
}
