/**
 * The page's side of the document writer (documentWriter.ts): sends each save to the
 * worker as the patches from the revision the worker already holds, or whole when it
 * holds none, and resolves once the worker's transaction has completed.
 *
 * If the worker stops answering (it failed to start, or crashed), pending and later
 * writes fail with WriterUnavailable, and the caller writes on the main thread instead:
 * slower, but nothing is lost.
 */
import { documentPatches } from '../../../shared/documentPatch';
import type { Postmortem } from '../../../shared/model';
import { keepRecent, type WriteReply, type WriteRequest } from './documentWriter';

/** The worker, as far as the writer needs it (a MessagePort in tests). */
export interface WriterPort {
  postMessage(request: WriteRequest): void;
  onmessage: ((event: MessageEvent<WriteReply>) => void) | null;
}

/** The worker cannot take writes: write on the main thread. */
export class WriterUnavailable extends Error {}

/** How long a write may wait for the worker before it counts as gone. */
const REPLY_TIMEOUT_MS = 15_000;

type Request = WriteRequest extends infer R ? (R extends WriteRequest ? Omit<R, 'seq' | 'dbName'> : never) : never;

export interface OffThreadWriter {
  /** Gives the worker this revision to patch later saves against (when the document opens). */
  hold(doc: Postmortem): Promise<void>;
  /** Writes the document and its library row. Rejects with WriterUnavailable if the worker is gone. */
  write(doc: Postmortem, row: unknown): Promise<void>;
  /** Marks the worker gone (its `error` event). */
  fail(reason: string): void;
}

export function createOffThreadWriter(port: WriterPort, dbName: string): OffThreadWriter {
  /** The revision the worker holds of each document, as this side last knew it. */
  const held = new Map<string, Postmortem>();
  const waiting = new Map<number, (reply: WriteReply | WriterUnavailable) => void>();
  let seq = 0;
  let gone: WriterUnavailable | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  port.onmessage = (event) => {
    const settle = waiting.get(event.data.seq);
    waiting.delete(event.data.seq);
    settle?.(event.data);
  };

  const remember = (doc: Postmortem) => keepRecent(held, doc.id, doc);

  const send = (request: Request): Promise<WriteReply> => {
    if (gone) return Promise.reject(gone);
    seq += 1;
    const mine = seq;
    return new Promise<WriteReply>((resolve, reject) => {
      const timer = setTimeout(() => fail('the document writer did not answer'), REPLY_TIMEOUT_MS);
      waiting.set(mine, (reply) => {
        clearTimeout(timer);
        if (reply instanceof WriterUnavailable) reject(reply);
        else resolve(reply);
      });
      port.postMessage({ ...request, seq: mine, dbName } as WriteRequest);
    });
  };

  /** One request at a time: each patch is made against what the previous one left. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  function fail(reason: string): void {
    gone ??= new WriterUnavailable(reason);
    for (const settle of waiting.values()) settle(gone);
    waiting.clear();
  }

  async function writeWhole(doc: Postmortem, row: unknown): Promise<void> {
    const reply = await send({ kind: 'write', doc, row });
    if (!reply.ok) throw new Error(reply.message);
    remember(doc);
  }

  return {
    hold: (doc) =>
      serial(async () => {
        // A save that came first has given the worker a copy already (a newer one).
        if (held.has(doc.id)) return;
        const reply = await send({ kind: 'hold', doc });
        if (reply.ok) remember(doc);
      }),
    write: (doc, row) =>
      serial(async () => {
        const base = held.get(doc.id);
        // Unknown until the reply: the worker drops its copy on any failure, and so does this side.
        held.delete(doc.id);
        if (!base) return writeWhole(doc, row);
        const reply = await send({ kind: 'patch', id: doc.id, patches: documentPatches(base, doc), row });
        if (reply.ok) return remember(doc);
        if (reply.resend) return writeWhole(doc, row);
        throw new Error(reply.message);
      }),
    fail,
  };
}
