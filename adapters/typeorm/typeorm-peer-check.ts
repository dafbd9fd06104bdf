// Imported first by `better-auth-entities/adapters/typeorm` and `/migrations`, before any module that loads
// typeorm: without it an app that forgot the optional peer sees Node's bare "Cannot find module 'typeorm'",
// which names neither the subpath that needs it nor the fix. `require.resolve` only locates the package, so a
// typeorm that is installed but fails to load still reports its own error.
try {
  require.resolve('typeorm');
} catch {
  throw new Error(
    "better-auth-entities/adapters/typeorm and better-auth-entities/migrations need the optional peer dependency 'typeorm', " +
      'which is not installed. Install it with your database driver, e.g. `npm install typeorm pg` (TypeORM 0.3.26+ or 1.x).',
  );
}

export {};
