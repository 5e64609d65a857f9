import './tab.css';

import { createRoot } from 'react-dom/client';

import { loadTheme } from './app/themes';
import { detectHost } from './host/tab-host';
import { MyChartersApp } from './me/my-charters-app';
import { readMyChartersBoot, startMyCharters } from './me/my-charters-start';

// The personal "My charters" page (a static tab in Teams, Outlook and the Microsoft 365 app; /me in local mode).
const container = document.getElementById('root');
if (!container) throw new Error('me.html has no #root.');
const root = createRoot(container);
const boot = readMyChartersBoot(document);
void detectHost().then(async (host) => {
  const start = startMyCharters(host, boot); // the one API call goes out before the theme or React are ready
  await loadTheme(host.kind === 'teams' ? host.theme : (start.local?.theme ?? 'default'));
  root.render(<MyChartersApp host={host} start={start} />);
});
