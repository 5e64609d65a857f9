import type { Root } from 'react-dom/client';

import { initialTheme } from './app/app';
import { loadTheme } from './app/themes';
import type { TabHost } from './host/tab-host';
import { MeetingApp } from './meeting/meeting-app';
import type { MeetingRoute } from './meeting/meeting-route';

/** The review meeting's views (side panel or stage), loaded only when the page is one of them (see main.tsx). */
export async function renderMeeting(root: Root, host: TabHost, route: MeetingRoute): Promise<void> {
  await loadTheme(initialTheme(host));
  root.render(<MeetingApp host={host} route={route} />);
}
