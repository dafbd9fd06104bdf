/** One README code block as a module of the consumer app. */
export interface ReadmeModule {
  /** The file the block names (```` ```ts auth.ts ````), else `readme-1.ts`, `readme-2.ts`, … in README order. */
  readonly file: string;
  readonly source: string;
}

/** A README TypeScript block: its code, and the file name its info string gives, if any. */
export interface ReadmeBlock {
  readonly code: string;
  readonly file: string | null;
}

/** The README's TypeScript examples: fenced blocks whose info string is `ts` or `typescript`, optionally followed by a file name. */
export function readmeTypeScriptBlocks(markdown: string): ReadmeBlock[] {
  return [...markdown.matchAll(/^```(?:ts|typescript)(?:[ \t]+([\w.-]+\.ts))?[ \t]*\n([\s\S]*?)^```/gm)].map((match) => ({ file: match[1] ?? null, code: match[2] }));
}

/**
 * The README's blocks as the modules of a consumer app, exactly as written: a reader pastes each into the file
 * it names, so a block must carry its own imports (a later block imports an earlier one's exports from
 * `./auth.js`, which every module resolution mode maps to `auth.ts`). A block with top-level `await` is refused:
 * it would not compile in a CommonJS app (TS1309/TS1378), and the README serves both kinds.
 */
export function readmeModules(blocks: readonly ReadmeBlock[]): ReadmeModule[] {
  return blocks.map((block, index) => {
    const file = block.file ?? `readme-${index + 1}.ts`;
    const code = block.code.replace(/\/\/.*$/gm, ''); // what the block runs, without its comments
    if (code.split('\n').some((line) => /^\S/.test(line) && /\bawait\s/.test(line))) {
      throw new Error(`README block ${index + 1} (${file}) uses top-level await, which a CommonJS app cannot compile: put it in an async function.`);
    }
    return { file, source: block.code };
  });
}
