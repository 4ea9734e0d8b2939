// First: it starts reading the library while the rest is evaluated.
import './library/earlyListing';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { consoleDocId } from '../../shared/consoleLink';
import { App } from './app/App';
import { choosePlatform } from './platform';
import './styles.css';

// The facilitator console is a second window of its own; the library never needs it.
const ConsoleWindow = lazy(() => import('./meeting/ConsoleWindow').then((m) => ({ default: m.ConsoleWindow })));

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
const platform = choosePlatform();
// A window opened as a postmortem's facilitator console (a second screen).
const consoleFor = consoleDocId(location.hash);
createRoot(container).render(
  <StrictMode>
    {consoleFor ? (
      <Suspense fallback={null}>
        <ConsoleWindow platform={platform} docId={consoleFor} />
      </Suspense>
    ) : (
      <App platform={platform} />
    )}
  </StrictMode>,
);
