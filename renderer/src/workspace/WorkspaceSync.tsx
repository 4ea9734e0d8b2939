/**
 * Asks which version to keep whenever main reports a postmortem changed both here and in
 * the workspace folder, wherever the person is in the app. Sync itself runs in main; this
 * only shows what it reports and passes the choice on.
 */
import { useState } from 'react';
import type { ConflictChoice } from '../../../shared/workspace';
import { usePlatform } from '../app/platformContext';
import { ConflictDialog } from './ConflictDialog';
import { useWorkspaceStatus } from './useWorkspaceStatus';

export function WorkspaceSync({ flushOpenDocument }: { flushOpenDocument: () => Promise<void> }) {
  const platform = usePlatform();
  const [status, setStatus] = useWorkspaceStatus();
  // Put off with "Decide later"; still listed in the Workspace folder dialog.
  const [deferred, setDeferred] = useState<string[]>([]);
  const asking = status?.conflicts.find((c) => !deferred.includes(c.id));
  if (!asking) return null;

  const resolve = async (keep: ConflictChoice) => {
    // The open window's last keystrokes belong to the version that is kept or set aside.
    await flushOpenDocument();
    setStatus(await platform.resolveWorkspaceConflict(asking.id, keep));
  };
  return (
    <ConflictDialog
      key={asking.id}
      conflict={asking}
      onResolve={resolve}
      onLater={() => setDeferred((ids) => [...ids, asking.id])}
    />
  );
}
