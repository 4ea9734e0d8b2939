import { useId } from 'react';
import { DateInput } from './fields';
import {
  DOCUMENT_KINDS,
  SEVERITIES,
  STATUSES,
  type DocumentKind,
  type Severity,
  type Status,
} from '../../../shared/model';
import { KIND_LABELS, KIND_PURPOSES } from '../../../shared/writeUp';
import { useDocument } from './documentStore';

/** What the guide recommends for each severity, shown beside the choice. */
const SEVERITY_HINT: Record<Severity, string> = {
  'SEV-1': 'Full postmortem required',
  'SEV-2': 'Full postmortem required',
  'SEV-3': 'Full postmortem recommended',
  'SEV-4': 'Full postmortem optional',
};

/** `isNew`: just created, so the title takes the focus even when the dialog gave it one. */
export function HeaderForm({ isNew = false }: { isNew?: boolean }) {
  const doc = useDocument((s) => s.doc);
  const edit = useDocument((s) => s.editHeader);
  const ids = {
    title: useId(),
    date: useId(),
    severity: useId(),
    commander: useId(),
    authors: useId(),
    review: useId(),
    status: useId(),
    severityHint: useId(),
    kind: useId(),
    kindHint: useId(),
  };

  return (
    <form className="header-form" aria-label="Postmortem header" onSubmit={(e) => e.preventDefault()}>
      <div className="field field-title">
        <label htmlFor={ids.title}>Title</label>
        <input
          id={ids.title}
          className="title-input"
          value={doc.title}
          placeholder="What happened, in a few words"
          autoFocus={isNew || doc.title === ''}
          onChange={(e) => edit({ title: e.target.value })}
        />
      </div>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={ids.date}>Incident date</label>
          <DateInput id={ids.date} value={doc.incidentDate} onCommit={(incidentDate) => edit({ incidentDate })} />
        </div>
        <div className="field">
          <label htmlFor={ids.severity}>Severity</label>
          <select
            id={ids.severity}
            value={doc.severity}
            aria-describedby={ids.severityHint}
            onChange={(e) => edit({ severity: e.target.value as Severity })}
          >
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <small id={ids.severityHint} className="hint">
            {SEVERITY_HINT[doc.severity]}
          </small>
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>Write-up</label>
          <select
            id={ids.kind}
            value={doc.kind}
            aria-describedby={ids.kindHint}
            onChange={(e) => edit({ kind: e.target.value as DocumentKind })}
          >
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <small id={ids.kindHint} className="hint">
            {KIND_PURPOSES[doc.kind]}
          </small>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>Status</label>
          <select id={ids.status} value={doc.status} onChange={(e) => edit({ status: e.target.value as Status })}>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.commander}>Incident commander</label>
          <input
            id={ids.commander}
            value={doc.incidentCommander}
            onChange={(e) => edit({ incidentCommander: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.authors}>Authors</label>
          <input
            id={ids.authors}
            value={doc.authors}
            placeholder="Names, separated by commas"
            onChange={(e) => edit({ authors: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.review}>Review date</label>
          <DateInput id={ids.review} value={doc.reviewDate} onCommit={(reviewDate) => edit({ reviewDate })} />
        </div>
      </div>
    </form>
  );
}
