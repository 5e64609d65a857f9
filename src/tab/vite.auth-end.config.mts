/**
 * Builds the sign-in window's last page (auth-end.html, served at /auth/end by src/adapters/http/sign-in-pages.ts)
 * into src/tab/dist beside the tab, after the tab's own build (vite.config.mts), which empties dist first. A build of
 * its own: the page is teams-js and a few lines, and sharing the tab's build would tie its chunks to the tab's
 * first-paint chunk (the module preload polyfill lives there).
 */
import { pageConfig } from './vite.page-config.mts';

export default pageConfig({ html: 'auth-end.html', emptyOutDir: false });
