import { useEffect, useState } from 'react';
import type { WorkspaceStatus } from '../../../shared/workspace';
import { usePlatform } from '../app/platformContext';

/** The workspace folder's status, kept current from what main reports after each sync pass. */
export function useWorkspaceStatus(): [WorkspaceStatus | null, (status: WorkspaceStatus) => void] {
  const platform = usePlatform();
  const [status, setStatus] = useState<WorkspaceStatus | null>(null);
  useEffect(() => {
    let current = true;
    platform.workspaceStatus().then(
      (next) => current && setStatus(next),
      () => undefined,
    );
    const unsubscribe = platform.onWorkspaceEvent((event) => setStatus(event.status));
    return () => {
      current = false;
      unsubscribe();
    };
  }, [platform]);
  return [status, setStatus];
}
