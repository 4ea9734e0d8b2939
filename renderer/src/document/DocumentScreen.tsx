import { lazy, Suspense, useDeferredValue, useEffect, useImperativeHandle, useState, type Ref } from 'react';
import type { StorageNotice } from '../../../shared/api';
import type { Postmortem } from '../../../shared/model';
import { usePlatform } from '../app/platformContext';
import { isTyping } from '../app/isTyping';
import { Autosaver } from './autosave';
import { ActionItemsSection } from './ActionItemsSection';
import { createDocumentStore, DocumentStoreContext, redo, undo, useDocument } from './documentStore';
import { ExportBar, renderMarkdown, type ExportFormat } from './ExportBar';
import { FactorsSection } from './FactorsSection';
import { ImpactSection } from './ImpactSection';
import { ListSection } from './ListSection';
import { TimelineSection } from './TimelineSection';
import { WhysSection } from '../whys/WhysSection';
import { HeaderForm } from './HeaderForm';
import { SaveIndicator } from './SaveIndicator';
import { PromptsPanel, usePromptCount } from '../phrasing/PromptsPanel';

export interface DocumentScreenHandle {
  flush: () => Promise<void>;
  undoRedo: (direction: 'undo' | 'redo') => void;
}

type Loaded = {
  store: ReturnType<typeof createDocumentStore>;
  autosaver: Autosaver;
  notice: StorageNotice | null;
};

export function DocumentScreen({
  id,
  onClose,
  ref,
  importNotes,
  initialDoc,
}: {
  id: string;
  onClose: () => Promise<void>;
  ref: Ref<DocumentScreenHandle>;
  /** What the importer could not map, shown once after an import. */
  importNotes?: string[] | undefined;
  /** A postmortem just created in memory and not yet on disk. */
  initialDoc?: Postmortem | undefined;
}) {
  const platform = usePlatform();
  // A postmortem just created opens at once from memory, so the first keystrokes land in
  // its title; the autosaver writes it to disk right away.
  const [loaded, setLoaded] = useState<Loaded | null>(() => {
    if (!initialDoc) return null;
    const store = createDocumentStore(initialDoc);
    return { store, autosaver: new Autosaver(store, platform, undefined, true), notice: null };
  });
  const [error, setError] = useState<string | null>(null);
  const [format, setFormat] = useState<ExportFormat>('postmortem');
  // One side panel at a time: the export preview or the phrasing prompts.
  const [panel, setPanel] = useState<'preview' | 'prompts' | null>(null);
  const previewOpen = panel === 'preview';
  const togglePanel = (which: 'preview' | 'prompts') => setPanel((open) => (open === which ? null : which));

  useEffect(() => {
    if (initialDoc) return;
    let cancelled = false;
    platform.loadDocument(id).then(
      ({ doc, notice }) => {
        if (cancelled) return;
        const store = createDocumentStore(doc);
        setLoaded({ store, autosaver: new Autosaver(store, platform), notice });
      },
      (e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id, platform, initialDoc]);

  // Saves whatever is pending when the document closes (or React re-mounts it).
  useEffect(() => {
    if (!loaded) return;
    const { autosaver } = loaded;
    autosaver.start();
    if (autosaver.hasUnsavedChanges) void autosaver.flush();
    return () => {
      void autosaver.flush();
      autosaver.dispose();
    };
  }, [loaded]);

  // Last chance to save when the tab or window goes away.
  useEffect(() => {
    if (!loaded) return;
    const flush = () => void loaded.autosaver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (loaded.autosaver.hasUnsavedChanges) {
        flush();
        event.preventDefault();
      }
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [loaded]);

  const undoRedo = (direction: 'undo' | 'redo') => {
    if (!loaded) return;
    // Inside a text field the browser's own undo handles the typing.
    if (isTyping(document.activeElement) && document.activeElement?.tagName !== 'SELECT') {
      document.execCommand(direction);
      return;
    }
    (direction === 'undo' ? undo : redo)(loaded.store);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'p' || key === 'k') {
        event.preventDefault();
        const which = key === 'p' ? 'preview' : 'prompts';
        setPanel((open) => (open === which ? null : which));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useImperativeHandle(ref, () => ({
    flush: () => loaded?.autosaver.flush() ?? Promise.resolve(),
    undoRedo,
  }));

  // In a browser there is no native menu: the page handles undo/redo keys itself.
  useEffect(() => {
    if (!loaded || platform.kind !== 'browser') return;
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.altKey) return;
      const key = event.key.toLowerCase();
      const direction = key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' ? 'redo' : null;
      if (!direction) return;
      if (isTyping(event.target) && (event.target as HTMLElement).tagName !== 'SELECT') return;
      event.preventDefault();
      (direction === 'undo' ? undo : redo)(loaded.store);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [loaded, platform.kind]);

  if (error) {
    return (
      <main className="document">
        <p className="banner banner-error" role="alert">
          This postmortem could not be opened: {error}
        </p>
        <button type="button" onClick={() => void onClose()}>
          Back to the library
        </button>
      </main>
    );
  }
  if (!loaded) return <main className="document muted">Opening…</main>;

  return (
    <DocumentStoreContext.Provider value={loaded.store}>
      <div className={`document-layout ${panel ? 'with-preview' : ''}`}>
        <main className="document">
          <nav className="document-bar" aria-label="Document">
            <button type="button" onClick={() => void onClose()} aria-keyshortcuts="Control+Shift+L">
              ← Library
            </button>
            <SaveIndicator onRetry={() => void loaded.autosaver.flush()} />
            <PromptsToggle open={panel === 'prompts'} onToggle={() => togglePanel('prompts')} />
          </nav>
          <ExportBar
            getDoc={() => loaded.store.getState().doc}
            format={format}
            onFormat={setFormat}
            previewOpen={previewOpen}
            onTogglePreview={() => togglePanel('preview')}
          />
          {loaded.notice && (
            <p className="banner banner-warning" role="status">
              {loaded.notice.message}
            </p>
          )}
          {importNotes && importNotes.length > 0 && <ImportNotes notes={importNotes} />}
          <HeaderForm />
          <ImpactSection />
          <TimelineSection />
          <section className="doc-section" aria-label="Root Cause Analysis">
            <h2>Root Cause Analysis</h2>
            <FactorsSection />
            <WhysSection />
          </section>
          <ListSection
            listKey="wentWell"
            title="What Went Well"
            emptyText="Nothing yet: what helped detect, diagnose or recover?"
          />
          <ListSection
            listKey="wentPoorly"
            title="What Went Poorly"
            emptyText="Nothing yet: what slowed detection, diagnosis or recovery?"
          />
          <ActionItemsSection />
        </main>
        {previewOpen && <Preview format={format} />}
        {panel === 'prompts' && <PromptsPanel onClose={() => setPanel(null)} />}
      </div>
    </DocumentStoreContext.Provider>
  );
}

const MarkdownPreview = lazy(() => import('./MarkdownPreview'));

/** Live preview of the export; deferred so typing never waits for it. */
function Preview({ format }: { format: ExportFormat }) {
  const doc = useDeferredValue(useDocument((s) => s.doc));
  const [markdown, setMarkdown] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void renderMarkdown(doc, format).then((text) => current && setMarkdown(text));
    return () => {
      current = false;
    };
  }, [doc, format]);
  return (
    <aside className="preview-pane" aria-label="Preview">
      <Suspense fallback={<p className="muted">Loading the preview…</p>}>
        {markdown === null ? <p className="muted">Rendering…</p> : <MarkdownPreview markdown={markdown} />}
      </Suspense>
    </aside>
  );
}

function PromptsToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const count = usePromptCount();
  return (
    <button
      type="button"
      className={`prompts-toggle ${count > 0 ? 'has-prompts' : ''}`}
      aria-pressed={open}
      aria-keyshortcuts="Control+Shift+K"
      title="Phrasing prompts (Ctrl+Shift+K)"
      onClick={onToggle}
    >
      <span aria-hidden="true">⚑ </span>Prompts ({count})
    </button>
  );
}

function ImportNotes({ notes }: { notes: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="banner banner-warning" role="status">
      Imported. {notes.length} part{notes.length === 1 ? '' : 's'} of the file did not map to the template and{' '}
      {notes.length === 1 ? 'was' : 'were'} kept or noted.{' '}
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide details' : 'Show details'}
      </button>
      {open && (
        <ul>
          {notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
