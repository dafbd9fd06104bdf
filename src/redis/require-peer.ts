/** Loads an optional peer dependency, or fails with the package to install and who needs it. */
export function requirePeer<T>(name: string, neededBy: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(name) as T;
  } catch (error) {
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND') {
      throw new Error(`${neededBy} needs the "${name}" package: npm install ${name}`);
    }
    throw error;
  }
}
