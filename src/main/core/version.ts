/** The app's version, from package.json (bundled at build time). */
import pkg from '../../../package.json';

export const APP_VERSION: string = pkg.version;
