/** The age library as the core's key store and sealing take it: passed in, so only what seals loads the bundle. */
export type AgeLib = typeof import('./age');
