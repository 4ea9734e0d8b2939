/**
 * The open postmortem's screen inside its store: the meeting strip, the sections, and
 * one side panel at a time (export preview, phrasing prompts or the facilitator
 * console). While presenting, only the phase's section shows, in large type, with no
 * private prompts.
 */
import { lazy, Suspense, useDeferredValue, useEffect, useState } from 'react';
import type { StorageNotice } from '../../../shared/api';
import type { AgendaSection, Postmortem } from '../../../shared/model';
import { useShowShortcuts } from '../app/KeyboardShortcuts';
import { usePlatform } from '../app/platformContext';
import { FacilitatorConsole } from '../meeting/FacilitatorConsole';
import { useConsoleBridge } from '../meeting/useConsoleBridge';
import { MeetingBar, SECTION_ELEMENT_IDS } from '../meeting/MeetingBar';
import { PresenterHeader } from '../meeting/PresenterHeader';
import { PresentingContext } from '../meeting/presenting';
import { WrapUpChecklist } from '../meeting/WrapUpChecklist';
import { PromptsPanel, usePromptCount } from '../phrasing/PromptsPanel';
import { WhysSection } from '../whys/WhysSection';
import { ActionItemsSection } from './ActionItemsSection';
import { useDocument } from './documentStore';
import { defaultExportFormat, type ExportFormat } from '../../../shared/writeUp';
import { ExportBar, renderMarkdown } from './ExportBar';
import { FactorsSection } from './FactorsSection';
import { HeaderForm } from './HeaderForm';
import { ImpactSection } from './ImpactSection';
import { ListSection } from './ListSection';
import { SaveIndicator } from './SaveIndicator';
import { TimelineSection } from './TimelineSection';

type Panel = 'preview' | 'prompts' | 'console';
const PANEL_KEYS: Readonly<Record<string, Panel>> = { p: 'preview', k: 'prompts', m: 'console' };

export function DocumentLayout({
  onClose,
  notice,
  importNotes,
  getDoc,
  onRetrySave,
  isNew,
}: {
  isNew: boolean;
  onClose: () => Promise<void>;
  notice: StorageNotice | null;
  importNotes: string[] | undefined;
  getDoc: () => Postmortem;
  onRetrySave: () => void;
}) {
  // The export format follows the kind of write-up (an incident report exports as the
  // customer report) until the person picks another; changing the kind resets it.
  const kind = useDocument((s) => s.doc.kind);
  const [format, setFormat] = useState<ExportFormat>(() => defaultExportFormat(kind));
  const [formatKind, setFormatKind] = useState(kind);
  if (formatKind !== kind) {
    setFormatKind(kind);
    setFormat(defaultExportFormat(kind));
  }
  const [panel, setPanel] = useState<Panel | null>(null);
  const [presenting, setPresenting] = useState(false);
  const meeting = useDocument((s) => s.doc.meeting);
  const togglePanel = (which: Panel) => setPanel((open) => (open === which ? null : which));
  const currentSection = meeting && !meeting.endedAt ? meeting.phases[meeting.currentPhase]?.section : undefined;
  // Presenting shows the section the room is on (all of them before the meeting starts).
  const shown = (section: AgendaSection) => !presenting || !currentSection || section === currentSection;

  const togglePresenting = () => {
    setPresenting((on) => {
      const next = !on;
      if (next) void document.documentElement.requestFullscreen?.().catch(() => undefined);
      else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      return next;
    });
  };

  const platform = usePlatform();
  const showShortcuts = useShowShortcuts();
  useConsoleBridge(togglePresenting);
  useEffect(() =>
    platform.onCommand((command) => {
      if (command === 'toggle-presenting') togglePresenting();
      else if (command === 'toggle-console') togglePanel('console');
      else if (command === 'toggle-prompts') togglePanel('prompts');
    }),
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F5' && !event.ctrlKey && !event.metaKey) {
        // F5 would reload a browser tab: here it starts or stops presenting.
        event.preventDefault();
        togglePresenting();
        return;
      }
      if (event.key === 'Escape' && presenting && !event.defaultPrevented) {
        const target = event.target;
        if (target instanceof Element && target.closest('input, textarea, select, dialog, [role="application"]'))
          return;
        togglePresenting();
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return;
      const which = PANEL_KEYS[event.key.toLowerCase()];
      if (which) {
        event.preventDefault();
        setPanel((open) => (open === which ? null : which));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <PresentingContext.Provider value={presenting}>
      <div className={`document-layout ${panel ? 'with-preview' : ''} ${presenting ? 'presenting' : ''}`}>
        <main className="document">
          {!presenting && (
            <>
              <nav className="document-bar" aria-label="Document">
                <button type="button" onClick={() => void onClose()} aria-keyshortcuts="Control+Shift+L">
                  ← Library
                </button>
                <SaveIndicator onRetry={onRetrySave} />
                <span className="document-bar-panels">
                  <button
                    type="button"
                    aria-pressed={panel === 'console'}
                    aria-keyshortcuts="Control+Shift+M"
                    title="Facilitator console (Ctrl+Shift+M)"
                    onClick={() => togglePanel('console')}
                  >
                    Console
                  </button>
                  <PromptsToggle open={panel === 'prompts'} onToggle={() => togglePanel('prompts')} />
                  <button
                    type="button"
                    aria-keyshortcuts="? Control+/"
                    title="Keyboard shortcuts (? or Ctrl+/)"
                    onClick={showShortcuts}
                  >
                    Keys <kbd>?</kbd>
                  </button>
                </span>
              </nav>
              <ExportBar
                getDoc={getDoc}
                format={format}
                onFormat={setFormat}
                previewOpen={panel === 'preview'}
                onTogglePreview={() => togglePanel('preview')}
              />
              {notice && (
                <p className="banner banner-warning" role="status">
                  {notice.message}
                </p>
              )}
              {importNotes && importNotes.length > 0 && <ImportNotes notes={importNotes} />}
            </>
          )}
          {presenting && <PresenterHeader />}
          <MeetingBar presenting={presenting} onTogglePresent={togglePresenting} />
          {shown('context') && (
            <div id={SECTION_ELEMENT_IDS.context} className="section-anchor">
              <HeaderForm isNew={isNew} />
              <ImpactSection />
            </div>
          )}
          {shown('timeline') && (
            <div id={SECTION_ELEMENT_IDS.timeline} className="section-anchor">
              <TimelineSection />
            </div>
          )}
          {shown('whys') && (
            <section
              id={SECTION_ELEMENT_IDS.whys}
              className="doc-section section-anchor"
              aria-label="Root Cause Analysis"
            >
              <h2>Root Cause Analysis</h2>
              <FactorsSection />
              <WhysSection />
            </section>
          )}
          {!presenting && (
            <>
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
            </>
          )}
          {shown('actionItems') && (
            <div id={SECTION_ELEMENT_IDS.actionItems} className="section-anchor">
              <ActionItemsSection />
            </div>
          )}
          {meeting && shown('wrapUp') && (!presenting || currentSection === 'wrapUp') && (
            <div id={SECTION_ELEMENT_IDS.wrapUp} className="section-anchor">
              <WrapUpChecklist />
            </div>
          )}
        </main>
        {panel === 'preview' && <Preview format={format} />}
        {panel === 'prompts' && !presenting && <PromptsPanel onClose={() => setPanel(null)} />}
        {panel === 'console' && <FacilitatorConsole onClose={() => setPanel(null)} />}
      </div>
    </PresentingContext.Provider>
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
