/**
 * The wrap-up phase's checklist: what the room confirms before it leaves. The first two
 * items are read from the document, so they cannot be ticked while untrue.
 */
import { formatActionItemId } from '../../../shared/actionItems';
import { updateHeader } from '../../../shared/documents';
import { useDocument } from '../document/documentStore';
import { uniqueKey, useEdit } from '../document/useEdit';
import { useMeeting } from './useMeeting';

export function WrapUpChecklist() {
  const items = useDocument((s) => s.doc.actionItems);
  const reviewDate = useDocument((s) => s.doc.reviewDate);
  const status = useDocument((s) => s.doc.status);
  const edit = useEdit();
  const { meeting, actions } = useMeeting();
  const open = items.filter((i) => !i.done);
  const unowned = open.filter((i) => i.owner.trim() === '' || i.dueDate === '');
  const ownersOk = open.length > 0 && unowned.length === 0;
  return (
    <section className="doc-section wrap-up" aria-labelledby="wrap-up-h">
      <h2 id="wrap-up-h">Wrap-up</h2>
      <ul className="checklist">
        <li className={ownersOk ? 'check-ok' : 'check-missing'}>
          <span aria-hidden="true">{ownersOk ? '✓' : '✗'} </span>
          {open.length === 0
            ? 'No open action items yet.'
            : ownersOk
              ? `Every open action item has an owner and a due date (${open.length}).`
              : `Owner or due date missing: ${unowned.map((i) => formatActionItemId(i.number)).join(', ')}.`}
        </li>
        <li className={reviewDate ? 'check-ok' : 'check-missing'}>
          <span aria-hidden="true">{reviewDate ? '✓' : '✗'} </span>
          {reviewDate ? `Review date set: ${reviewDate}.` : 'No review date set yet (in the header).'}
        </li>
        <li>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={meeting?.readyForReview ?? false}
              disabled={!meeting}
              onChange={(e) => actions.update({ readyForReview: e.target.checked })}
            />
            The room agrees the document is ready for final review
          </label>
          {meeting?.readyForReview && status === 'Draft' && (
            <button
              type="button"
              className="link-button"
              onClick={() => edit(uniqueKey('status'), (doc) => updateHeader(doc, { status: 'In Review' }))}
            >
              Set the status to In Review
            </button>
          )}
        </li>
      </ul>
    </section>
  );
}
