/** Entry of the board's page: styles, the sound check, and the app. */
// First, so the link to the server is opening while the rest of the page is evaluated.
import './state/queue';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { watchAutoplay } from './sound/audio-output';
import './styles/layout.css';
import './styles/calls.css';
import './styles/panels.css';

watchAutoplay();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
