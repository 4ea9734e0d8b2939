import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { consoleDocId } from '../../shared/meetingSync';
import { App } from './app/App';
import { ConsoleWindow } from './meeting/ConsoleWindow';
import { choosePlatform } from './platform';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
const platform = choosePlatform();
// A window opened as a postmortem's facilitator console (a second screen).
const consoleFor = consoleDocId(location.hash);
createRoot(container).render(
  <StrictMode>
    {consoleFor ? <ConsoleWindow platform={platform} docId={consoleFor} /> : <App platform={platform} />}
  </StrictMode>,
);
