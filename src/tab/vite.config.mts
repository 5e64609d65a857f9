/** Builds the channel tab (index.html, also its configuration page: see main.tsx) into src/tab/dist, served at /tab/. */
import { pageConfig } from './vite.page-config.mts';

export default pageConfig({ emptyOutDir: true, firstPaintChunk: 'tab' });
