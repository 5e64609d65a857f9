import './tab.css';

import { createRoot } from 'react-dom/client';

import { App, initialTheme } from './app/app';
import { readBootData, startTab } from './app/boot';
import { loadTheme } from './app/themes';
import { detectHost } from './host/tab-host';
import { meetingRoute } from './meeting/meeting-route';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root.');
const root = createRoot(container);
// One page, one first bundle: /tab/config (the channel tab's configuration page) is this page too, with its own chunk.
if (/\/config(?:\.html)?$/.test(window.location.pathname)) {
  void import('./config-main').then((m) => m.renderConfigPage(root));
} else {
  const boot = readBootData(document);
  void detectHost().then(async (host) => {
    // The review meeting's side panel and stage are a chunk of their own: the channel tab's first bundle stays as it is.
    const meeting = meetingRoute(host, window.location.search);
    if (meeting) return void import('./meeting-main').then((m) => m.renderMeeting(root, host, meeting));
    const start = startTab(host, boot); // the first API calls go out before the theme or React are ready
    await loadTheme(initialTheme(host, start)); // at once for the light theme; the dark ones are a chunk of their own
    root.render(<App host={host} start={start} />);
  });
}
