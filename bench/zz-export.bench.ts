import { test } from 'vitest';
import { exportPostmortem } from '../shared/markdown/export';
import { createPostmortem } from '../shared/documents';
import { largeDocument } from './largeDocument';
const time = (f: () => void) => { for (let i = 0; i < 5; i++) f(); const t = performance.now(); for (let i = 0; i < 20; i++) f(); return ((performance.now() - t) / 20).toFixed(1); };
test('x', () => {
  const doc = largeDocument();
  const empty = createPostmortem('x', doc.createdAt);
  console.log('all', time(() => exportPostmortem(doc)));
  console.log('timeline', time(() => exportPostmortem({ ...empty, timeline: doc.timeline })));
  console.log('actions', time(() => exportPostmortem({ ...empty, actionItems: doc.actionItems, whys: doc.whys })));
  console.log('whys', time(() => exportPostmortem({ ...empty, whys: doc.whys })));
  console.log('empty', time(() => exportPostmortem(empty)));
});
