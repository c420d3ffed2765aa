/** Entry of the city pages: the remembered language, then the page the path asks for. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreLanguage } from './i18n/language';
import { LivePage } from './live/LivePage';
import { PublicPage } from './public/PublicPage';
import { pageOf } from './route';
import './styles/base.css';
import './styles/public.css';
import './styles/live.css';

restoreLanguage();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>{pageOf(window.location.pathname) === 'live' ? <LivePage /> : <PublicPage />}</StrictMode>,
  );
}
