import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { detectHost } from './host/tab-host';
import './tab.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root.');
const root = createRoot(container);
void detectHost().then((host) => root.render(<App host={host} />));
