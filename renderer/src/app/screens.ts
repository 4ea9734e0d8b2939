/**
 * The screens the library does not need to paint, in chunks of their own: the document
 * editor brings React Flow, the why graph, markdown and the phrasing rulebook; the action
 * items tracker brings CSV and markdown. Left in the start-up script they cost the first
 * paint their download and compile time. They are preloaded once the app is idle, and
 * rendered synchronously once loaded (no Suspense fallback for a frame, no key lost).
 */
import { useEffect, useState } from 'react';

/** A module loaded on demand, whose value can be read synchronously once it is in. */
export interface Preloadable<T> {
  /** Loads it (once; a failed load is tried again on the next call). */
  load(): Promise<T>;
  /** The module if it has loaded, else null. */
  loaded(): T | null;
}

export function preloadable<T>(importer: () => Promise<T>): Preloadable<T> {
  let loading: Promise<T> | null = null;
  let value: T | null = null;
  return {
    load() {
      loading ??= importer().then(
        (module) => (value = module),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => value,
  };
}

/** A promise whose value can be read synchronously once it has resolved. */
export interface Settling<T> {
  promise: Promise<T>;
  /** The value, once the promise has resolved (undefined before, and if it rejects). */
  value: T | undefined;
}

export function settling<T>(promise: Promise<T>): Settling<T> {
  const settled: Settling<T> = { promise, value: undefined };
  promise.then(
    (value) => (settled.value = value),
    () => undefined, // the holder of `promise` reports it
  );
  return settled;
}

export const documentScreen = preloadable(() => import('../document/DocumentScreen'));
export const trackerScreen = preloadable(() => import('../tracker/TrackerScreen'));

/**
 * The module when `wanted` (its screen is shown), loading it if it is not in yet; or why
 * it could not be loaded (a chunk that failed to download).
 */
export function useScreenModule<T>(
  screen: Preloadable<T>,
  wanted: boolean,
): { module: T | null; error: string | null } {
  const [, setLoads] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const module = screen.loaded();
  useEffect(() => {
    if (!wanted || module) return;
    let current = true;
    // A retry after a failure (the screen opened again) keeps the last message until it succeeds.
    screen.load().then(
      () => {
        if (!current) return;
        setError(null);
        setLoads((n) => n + 1);
      },
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [screen, wanted, module]);
  return { module, error };
}

/**
 * Loads the document editor and the tracker once the browser has nothing else to do after
 * the first paint, so opening a postmortem is as quick as when they were in the start-up
 * script. Returns the cleanup that cancels it if it has not run yet.
 */
export function preloadScreens(): () => void {
  return whenIdle(() => {
    // One after the other: a postmortem opened while the editor is still downloading
    // (the page is idle then too) does not share the connections with the tracker's files.
    documentScreen
      .load()
      .catch(() => undefined) // tried again when the screen is opened
      .finally(() => trackerScreen.load().catch(() => undefined));
  });
}

/**
 * Runs `work` once the page is idle after its first paint (within 2 s even if it never
 * is). Returns a function that cancels it if it has not run yet.
 */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(work, 200);
  return () => clearTimeout(timer);
}

let fetchedAhead = false;

/**
 * Fetches and compiles the editor's files (named by the build in a meta tag, see
 * renderer/vite.config.ts) at low priority without running them, so a postmortem opened
 * right after start does not wait for their download. Called once the library has
 * painted: fetched alongside the start-up script, they slowed its first paint.
 */
export function fetchEditorAhead(): void {
  if (fetchedAhead) return;
  fetchedAhead = true;
  const files = document.querySelector<HTMLMetaElement>('meta[name="editor-files"]')?.content.split(' ') ?? [];
  for (const file of files) {
    if (file === '') continue;
    const link = document.createElement('link');
    link.rel = file.endsWith('.css') ? 'preload' : 'modulepreload';
    if (file.endsWith('.css')) link.as = 'style';
    link.href = `./${file}`;
    link.crossOrigin = '';
    link.fetchPriority = 'low';
    document.head.append(link);
  }
}
