/** Entry of the window display's page (`/window/?desk=5`): the link to the server, then the app. */
import './store';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WindowApp } from './WindowApp';
import './window.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <WindowApp />
    </StrictMode>,
  );
}
