/// <reference types="jest" />

/**
 * The conformance suites declare tests through jest's globals (`describe`, `test`, `expect`). Called from plain
 * Node, or a runner without globals, the first line would fail with a bare "describe is not defined": say
 * what is needed instead. Vitest with `globals: true` provides the same globals and passes.
 * @example requireTestGlobals('describeAdapterConformance');
 */
export function requireTestGlobals(caller: string): void {
  if (typeof describe === 'function' && typeof test === 'function' && typeof expect === 'function') return;
  throw new Error(
    `better-auth-entities/testing: ${caller}() declares jest tests and needs jest's globals (describe, test, expect). ` +
      'Call it at the top level of a test file run by jest (npm install -D jest @types/jest).',
  );
}
