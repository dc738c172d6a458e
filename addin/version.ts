import pkg from '../package.json';

/** Sent as client.version in reports. */
export const ADDIN_VERSION: string = pkg.version;
