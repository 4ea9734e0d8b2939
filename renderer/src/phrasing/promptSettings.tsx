/**
 * The library's phrasing settings for the whole app, and the one cached linter built
 * from them that every field and the Prompts panel share.
 */
import {
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { PhrasingFinding } from '../../../shared/phrasing';
import { DEFAULT_PROMPT_SETTINGS, lintOptionsFrom } from '../../../shared/promptDefaults';
import type { PromptSettings } from '../../../shared/promptSettings';
import type { createPromptLinter } from '../../../shared/prompts';
import { usePlatform } from '../app/platformContext';
import { whenIdle } from '../app/screens';

export interface PromptSettingsValue {
  settings: PromptSettings;
  lint: (text: string) => readonly PhrasingFinding[];
  /** Applies at once and saves; rejects with a sentence if saving failed. */
  save: (settings: PromptSettings) => Promise<void>;
  /** Why the saved settings could not be read, if they could not. */
  loadError: string | null;
  openSettings: () => void;
}

type LinterFactory = typeof createPromptLinter;

/** Until the rulebook has loaded nothing is flagged; fields lint again once it is in. */
const noFindings = (): readonly PhrasingFinding[] => [];

// The dialog checks what it saves and imports with the settings schema (zod): it loads
// when first opened, so the start-up script carries neither.
const PromptSettingsDialog = lazy(() =>
  import('./PromptSettingsDialog').then((m) => ({ default: m.PromptSettingsDialog })),
);

const PromptSettingsContext = createContext<PromptSettingsValue | null>(null);

export function PromptSettingsProvider({ children }: { children: ReactNode }) {
  const platform = usePlatform();
  const [settings, setSettings] = useState<PromptSettings>(DEFAULT_PROMPT_SETTINGS);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  // The rulebook is only needed once a document is open: loaded after the library has
  // painted (in the document editor's chunk, which is preloaded then) rather than at start.
  const [createLinter, setCreateLinter] = useState<LinterFactory | null>(null);
  useEffect(() => {
    let current = true;
    const cancel = whenIdle(() => {
      import('../../../shared/prompts').then(
        (prompts) => current && setCreateLinter(() => prompts.createPromptLinter),
        () => undefined, // a chunk that failed to download: prompts stay off until the app is reloaded
      );
    });
    return () => {
      current = false;
      cancel();
    };
  }, []);

  useEffect(() => {
    let current = true;
    platform.loadPromptSettings().then(
      (loaded) => current && setSettings(loaded),
      (error: unknown) =>
        current &&
        setLoadError(
          `Your phrasing settings could not be read (${error instanceof Error ? error.message : String(error)}); the defaults are in use.`,
        ),
    );
    return () => {
      current = false;
    };
  }, [platform]);

  const save = useCallback(
    async (next: PromptSettings) => {
      setSettings(next);
      await platform.savePromptSettings(next);
    },
    [platform],
  );
  const lint = useMemo(
    () => (createLinter ? createLinter(lintOptionsFrom(settings)) : noFindings),
    [createLinter, settings],
  );
  const openSettings = useCallback(() => setDialogOpen(true), []);
  const value = useMemo(
    () => ({ settings, lint, save, loadError, openSettings }),
    [settings, lint, save, loadError, openSettings],
  );
  return (
    <PromptSettingsContext.Provider value={value}>
      {children}
      {dialogOpen && (
        <Suspense fallback={null}>
          <PromptSettingsDialog settings={settings} onSave={save} onClose={() => setDialogOpen(false)} />
        </Suspense>
      )}
    </PromptSettingsContext.Provider>
  );
}

export function usePromptSettings(): PromptSettingsValue {
  const value = useContext(PromptSettingsContext);
  if (!value) throw new Error('usePromptSettings must be used inside <PromptSettingsProvider>.');
  return value;
}

/**
 * Its children see no findings until they have painted and the page is idle, then the
 * real linter. Opening a long postmortem otherwise linted every field (and the whole
 * document, for the Prompts count and the why pitfalls) before its first paint: about a
 * tenth of a second at 500 rows, for underlines nobody can read before the page is up.
 */
export function LintAfterFirstPaint({ children }: { children: ReactNode }) {
  const outer = usePromptSettings();
  const [painted, setPainted] = useState(false);
  useEffect(() => whenIdle(() => setPainted(true)), []);
  const value = useMemo(() => (painted ? outer : { ...outer, lint: noFindings }), [painted, outer]);
  return <PromptSettingsContext.Provider value={value}>{children}</PromptSettingsContext.Provider>;
}
