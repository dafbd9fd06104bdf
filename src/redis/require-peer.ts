/** Loads an optional peer dependency, or fails with the package to install and who needs it. */
export function requirePeer<T>(name: string, neededBy: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(name) as T;
  } catch (error) {
    // Only the peer itself missing; a peer that is there but lacks a dependency of its own reports that.
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(`'${name}'`)) {
      throw new Error(`${neededBy} needs the "${name}" package: npm install ${name}`);
    }
    throw error;
  }
}
