import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { restoreLanguage } from './language';
import './styles/base.css';
import './styles/workspace.css';
import './styles/operator.css';
import './styles/visitor.css';
import './styles/queue.css';
import './styles/dialog.css';
import './styles/reception.css';
import './styles/admin.css';
import './styles/reports.css';

restoreLanguage();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
