/**
 * The top of a screen opened from the library (action items, program metrics): its title,
 * the way back (Ctrl/Cmd+Shift+L, handled by the app), and what could not be read.
 */
export function SubScreenHeader({
  title,
  onBack,
  readError,
}: {
  title: string;
  onBack: () => void;
  /** Why the postmortems could not be read, with what the screen failed to show. */
  readError: { what: string; message: string } | null;
}) {
  return (
    <>
      <header className="library-header">
        <h1>{title}</h1>
        <span className="header-actions">
          <button type="button" onClick={onBack} aria-keyshortcuts="Control+Shift+L">
            ← Library
          </button>
        </span>
      </header>
      {readError && (
        <p className="banner banner-error" role="alert">
          {readError.what} could not be read: {readError.message}
        </p>
      )}
    </>
  );
}
