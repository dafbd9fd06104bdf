/** One README code block as a module of the consumer app. */
export interface ReadmeModule {
  /** `readme-1.ts`, `readme-2.ts`, … in README order. */
  readonly file: string;
  readonly source: string;
}

/** The README's TypeScript examples: fenced blocks whose info string is exactly `ts` or `typescript`. */
export function readmeTypeScriptBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```(?:ts|typescript)[ \t]*\n([\s\S]*?)^```/gm)].map((match) => match[1]);
}

const IMPORT_LINE = /^import\s[\s\S]*?from\s+['"][^'"]+['"];?[ \t]*$|^import\s+['"][^'"]+['"];?[ \t]*$/gm;
const TOP_LEVEL_DECLARATION = /^(?:export\s+)?(?:abstract\s+)?(?:async\s+)?(?:class|function|const|let)\s+([A-Za-z_$][\w$]*)/gm;

/**
 * Turns the README's blocks into modules a consumer app compiles, the way a reader would paste them: a later
 * block uses what an earlier one declared (the SQL block reuses the first block's `AppUser`).
 * - A block without top-level `await` exports its top-level declarations, and later blocks import what they use.
 * - A block with top-level `await` (it continues an app's startup code) becomes the body of an exported async
 *   function, so it compiles under CommonJS as well as in an ES module.
 * Relative imports carry `.js`, which every module resolution mode maps back to the `.ts` file.
 */
export function readmeModules(blocks: readonly string[]): ReadmeModule[] {
  const declared = new Map<string, string>(); // name -> module that exports it
  return blocks.map((block, index) => {
    const file = `readme-${index + 1}.ts`;
    const imports = block.match(IMPORT_LINE) ?? [];
    const body = block.replace(IMPORT_LINE, '').trim();
    const ownNames = new Set([...block.matchAll(TOP_LEVEL_DECLARATION)].map((match) => match[1]));
    // Names the import clauses bind; the module specifiers are left out (`'better-auth-entities'` binds no `auth`).
    const importedNames = new Set(imports.join('\n').replace(/(['"])[^'"]*\1/g, '').match(/[A-Za-z_$][\w$]*/g) ?? []);
    const code = body.replace(/\/\/.*$/gm, ''); // what the block runs, without its comments
    const borrowed = [...declared]
      .filter(([name]) => !ownNames.has(name) && !importedNames.has(name) && new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(code))
      .map(([name, from]) => `import { ${name} } from './${from.replace(/\.ts$/, '.js')}';`);
    const header = [...imports, ...borrowed].join('\n');

    const topLevelAwait = code.split('\n').some((line) => /^\S/.test(line) && /\bawait\s/.test(line));
    if (topLevelAwait) {
      const indented = body.replace(/^/gm, '  ');
      return { file, source: `${header}\n\nexport async function readmeBlock${index + 1}(): Promise<void> {\n${indented}\n}\n` };
    }
    for (const name of ownNames) declared.set(name, file);
    const exported = body.replace(/^(?!export\s)((?:abstract\s+)?(?:async\s+)?(?:class|function|const|let)\s)/gm, 'export $1');
    return { file, source: `${header}\n\n${exported}\n` };
  });
}
