import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './kiosk.css';
import './screens.css';
import './accessible.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
