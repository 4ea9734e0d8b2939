import { useState } from 'react';
import type { Postmortem } from '../../../shared/model';
import type { ExportFormat } from '../../../shared/writeUp';
import { usePlatform } from '../app/platformContext';

/** Loaded on first use: the markdown stack is most of the bundle and not needed to start typing. */
export async function renderMarkdown(doc: Postmortem, format: ExportFormat): Promise<string> {
  const { exportPostmortem, exportIncidentReport } = await import('./markdownModules');
  return format === 'postmortem' ? exportPostmortem(doc) : exportIncidentReport(doc);
}

/** A file name from the title and date: "2026-03-18-checkout-api-outage.md". */
export function exportFileName(doc: Postmortem, format: ExportFormat): string {
  const slug =
    doc.title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'postmortem';
  const prefix = doc.incidentDate !== '' ? `${doc.incidentDate}-` : '';
  return `${prefix}${slug}${format === 'incident-report' ? '-incident-report' : ''}.md`;
}

export function ExportBar({
  getDoc,
  format,
  onFormat,
  previewOpen,
  onTogglePreview,
}: {
  getDoc: () => Postmortem;
  format: ExportFormat;
  onFormat: (format: ExportFormat) => void;
  previewOpen: boolean;
  onTogglePreview: () => void;
}) {
  const platform = usePlatform();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(await renderMarkdown(getDoc(), format));
      setMessage({ text: 'Copied as markdown.', error: false });
    } catch (e) {
      setMessage({ text: `Could not copy: ${e instanceof Error ? e.message : String(e)}`, error: true });
    }
  };
  const save = async () => {
    const doc = getDoc();
    try {
      const receipt = await platform.exportFile(exportFileName(doc, format), await renderMarkdown(doc, format));
      setMessage(receipt.saved ? { text: `Exported ${receipt.location ?? ''}`.trim(), error: false } : null);
    } catch (e) {
      setMessage({ text: `Export failed: ${e instanceof Error ? e.message : String(e)}`, error: true });
    }
  };

  return (
    <div className="export-bar">
      <label className="inline-label">
        <span>Format</span>
        <select value={format} onChange={(e) => onFormat(e.target.value as ExportFormat)}>
          <option value="postmortem">Full template</option>
          <option value="incident-report">Customer incident report</option>
        </select>
      </label>
      <button type="button" onClick={() => void copy()}>
        Copy as markdown
      </button>
      <button type="button" onClick={() => void save()} aria-keyshortcuts="Control+Shift+E">
        Export…
      </button>
      <button type="button" aria-pressed={previewOpen} onClick={onTogglePreview} aria-keyshortcuts="Control+Shift+P">
        {previewOpen ? 'Hide preview' : 'Preview'}
      </button>
      {message && (
        <span className={message.error ? 'field-error' : 'muted small'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
