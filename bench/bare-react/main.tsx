/**
 * The baseline for the start-up, typing and memory figures: the least a Vite + React
 * page can be, built and served like the app (production build, same Chromium flags).
 * Its one controlled <textarea> is what the app's fields are measured against: the
 * same keypresses, React state on every keystroke, no store, no linter, no layout.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Baseline() {
  const [text, setText] = useState('');
  return (
    <main>
      <h1>Bare React baseline</h1>
      <textarea aria-label="Baseline field" value={text} onChange={(e) => setText(e.target.value)} />
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Baseline />
    </StrictMode>,
  );
