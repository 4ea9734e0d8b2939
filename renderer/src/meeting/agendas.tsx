/**
 * The team's own meeting agendas, loaded once for the app, and the editor for them.
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
import type { AgendaTemplate } from '../../../shared/agenda';
import { usePlatform } from '../app/platformContext';

// The editor validates agendas with their schema (zod): it loads when first opened, so
// the start-up script carries neither.
const AgendaEditor = lazy(() => import('./AgendaEditor').then((m) => ({ default: m.AgendaEditor })));

interface AgendasValue {
  custom: readonly AgendaTemplate[];
  save: (agendas: AgendaTemplate[]) => Promise<void>;
  openEditor: () => void;
}

const AgendasContext = createContext<AgendasValue | null>(null);

export function AgendasProvider({ children }: { children: ReactNode }) {
  const platform = usePlatform();
  const [custom, setCustom] = useState<AgendaTemplate[]>([]);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    let current = true;
    platform.loadAgendas().then(
      (loaded) => current && setCustom(loaded),
      () => undefined, // unreadable: the built-in agendas still work
    );
    return () => {
      current = false;
    };
  }, [platform]);
  const save = useCallback(
    async (agendas: AgendaTemplate[]) => {
      await platform.saveAgendas(agendas);
      setCustom(agendas);
    },
    [platform],
  );
  const openEditor = useCallback(() => setEditing(true), []);
  const value = useMemo(() => ({ custom, save, openEditor }), [custom, save, openEditor]);
  return (
    <AgendasContext.Provider value={value}>
      {children}
      {editing && (
        <Suspense fallback={null}>
          <AgendaEditor custom={custom} onSave={save} onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </AgendasContext.Provider>
  );
}

export function useAgendas(): AgendasValue {
  const value = useContext(AgendasContext);
  if (!value) throw new Error('useAgendas must be used inside <AgendasProvider>.');
  return value;
}
