import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_NAME } from './consumer-app';

/**
 * The app layouts users run the CLI in: a tsconfig as each kind of project writes it, the package type, and
 * the import style that tsconfig makes them write (`./entities.js` under node16/nodenext, `./entities`
 * under node and bundler). An ES-module app's config uses top-level `await`, as the README's form does.
 */
export interface AppVariant {
  readonly name: string;
  readonly module: string;
  readonly moduleResolution: string;
  readonly esm: boolean;
  /** TypeScript 7 removed `moduleResolution: node` (TS5108): that layout exists for 5.x only. */
  readonly typescript7: boolean;
}

export const APP_VARIANTS: readonly AppVariant[] = [
  { name: 'commonjs-node', module: 'commonjs', moduleResolution: 'node', esm: false, typescript7: false },
  { name: 'node16', module: 'node16', moduleResolution: 'node16', esm: false, typescript7: true },
  { name: 'nodenext', module: 'nodenext', moduleResolution: 'nodenext', esm: false, typescript7: true },
  { name: 'bundler', module: 'esnext', moduleResolution: 'bundler', esm: false, typescript7: true },
  { name: 'esm-nodenext', module: 'nodenext', moduleResolution: 'nodenext', esm: true, typescript7: true },
];

const ENTITIES = `import { Column, Entity } from 'typeorm';
import { AuthDefault, AuthUser, BaseUser } from '${PACKAGE_NAME}/entities';

@Entity('users', { synchronize: false })
@AuthUser()
export class AppUser extends BaseUser {
  @Column({ type: 'varchar', length: 48, default: 'free' })
  @AuthDefault('free')
  variantPlan!: string;
}
`;

function config(variant: AppVariant): string {
  const entities = variant.moduleResolution.startsWith('node1') || variant.moduleResolution === 'nodenext' ? './entities.js' : './entities';
  const imports = [
    `import { BetterAuth } from '${PACKAGE_NAME}';`,
    `import { TypeOrmAdapter } from '${PACKAGE_NAME}/adapters/typeorm';`,
    `import { EmailPasswordPlugin } from '${PACKAGE_NAME}/plugins';`,
    `import { AppUser } from '${entities}';`,
  ].join('\n');
  const build = "new BetterAuth({ secret: 'a-consumer-test-secret-of-at-least-32-characters' }).database(database).plugin(new EmailPasswordPlugin()).build()";
  return variant.esm
    ? `${imports}\n\nconst database = await TypeOrmAdapter.connect(process.env.DATABASE_URL!, { user: AppUser });\nexport const auth = ${build};\n`
    : `${imports}\n\nexport async function auth() {\n  const database = await TypeOrmAdapter.connect(process.env.DATABASE_URL!, { user: AppUser });\n  return ${build};\n}\n`;
}

/** The app's own TypeScript files, beside package.json and tsconfig.json. */
export const APP_FILES = ['entities.ts', 'auth.config.ts'] as const;

/**
 * Writes the variant's app into `dir`: package.json, tsconfig.json and `APP_FILES`. `skipLibCheck: false` also
 * checks the declarations the app reads (ours included); `include` adds folders of the app to its tsconfig.
 */
export function writeVariantApp(dir: string, variant: AppVariant, options: { skipLibCheck: boolean; include?: readonly string[] }): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: variant.name, private: true, ...(variant.esm ? { type: 'module' } : {}) }));
  const compilerOptions = {
    target: 'es2022',
    module: variant.module,
    moduleResolution: variant.moduleResolution,
    strict: true,
    skipLibCheck: options.skipLibCheck,
    esModuleInterop: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    types: ['node'],
    noEmit: true,
  };
  const include = ['*.ts', ...(options.include ?? []).map((folder) => `${folder}/*.ts`)];
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include }, null, 2));
  writeFileSync(join(dir, 'entities.ts'), ENTITIES);
  writeFileSync(join(dir, 'auth.config.ts'), config(variant));
}

/**
 * tsc's error lines about the app's files or our declarations; other packages' declarations are theirs to
 * answer for (and a newer TypeScript may find new faults in them).
 */
export function ownErrors(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /error TS\d+/.test(line))
    .filter((line) => !line.includes('node_modules') || line.includes(`node_modules/${PACKAGE_NAME}/`));
}
