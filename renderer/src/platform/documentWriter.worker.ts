/**
 * The worker that writes documents to IndexedDB off the main thread (documentWriter.ts).
 * Requests are handled one at a time, in the order sent.
 */
import { createDocumentWriter, type WriteReply, type WriteRequest } from './documentWriter';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WriteRequest>) => void) | null;
  postMessage: (reply: WriteReply) => void;
};
const handle = createDocumentWriter();
let queue = Promise.resolve();

scope.onmessage = (event) => {
  queue = queue.then(async () => scope.postMessage(await handle(event.data)));
};
