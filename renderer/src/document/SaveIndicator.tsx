import { useDocument } from './documentStore';

export function SaveIndicator({ onRetry }: { onRetry: () => void }) {
  const save = useDocument((s) => s.save);
  switch (save.kind) {
    case 'saved':
      return (
        <span className="save-state save-ok" role="status" data-testid="save-state">
          ✓ Saved
        </span>
      );
    case 'pending':
    case 'saving':
      return (
        <span className="save-state" role="status" data-testid="save-state">
          Saving…
        </span>
      );
    case 'error':
      return (
        <span className="save-state save-error" role="alert" data-testid="save-state">
          ⚠ {save.message}{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            Retry now
          </button>
        </span>
      );
  }
}
