/**
 * What `import … from 'better-auth-entities'` gives a Jest test (the `moduleNameMapper` in jest.config.ts
 * points here): the package's root entry as it is, except that `new BetterAuth(config)` hashes passwords with
 * `TestPasswordHasher` when the config names no `passwordHasher`. Real scrypt (~50 ms of CPU a hash) was half
 * of the suite's time while few tests are about hashing; those name their hasher (`new ScryptPasswordHasher()`
 * or their own), which this leaves alone. Child processes (the examples, the multi-process and Nest servers,
 * the packed package) load the package itself and hash with scrypt.
 */
import { BetterAuth as PackageBetterAuth, type AuthConfig } from '../../src/index';
import { TestPasswordHasher } from './test-password-hasher';

export * from '../../src/index';

const testPasswordHasher = new TestPasswordHasher();

export class BetterAuth<U extends object = object, S extends object = object, A extends object = object> extends PackageBetterAuth<U, S, A> {
  constructor(config: AuthConfig) {
    super('passwordHasher' in config ? config : { ...config, passwordHasher: testPasswordHasher });
  }
}
