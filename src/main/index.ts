/** The Electron main process entry (out/main/index.js). */
import { startApp } from './app';

startApp();
