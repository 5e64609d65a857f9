/**
 * Builds the personal "My charters" page (me.html, served at /tab/me) beside the channel tab, after the tab's own
 * build (which empties dist), with its own first-paint bundle.
 */
import { pageConfig } from './vite.page-config.mts';

export default pageConfig({ html: 'me.html', emptyOutDir: false, firstPaintChunk: 'me' });
