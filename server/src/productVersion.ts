/** The product's version, set from package.json when the bundles are built. */
declare const CLEANSTART_VERSION: string | undefined;

export const VERSION: string =
  typeof CLEANSTART_VERSION === 'string' ? CLEANSTART_VERSION : '0.0.0-dev';
