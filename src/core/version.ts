/** Injected by esbuild from package.json; the fallback serves unbundled runs. */
export const VERSION: string = process.env.RC_VERSION ?? '0.0.0-dev';
