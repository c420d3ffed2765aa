// First, so the link to the server is opening while the rest of the page is evaluated.
import './queue';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { shellBridge } from './local-printer';
import { startPrinterStatusRelay } from './printer-status-relay';
import { queueStore } from './queue';
import './kiosk.css';
import './screens.css';
import './accessible.css';
import './landscape.css';

startPrinterStatusRelay(shellBridge(), queueStore);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
