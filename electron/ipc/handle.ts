/**
 * The only way main registers IPC handlers: by channel name from the shared contract.
 * Every call is checked twice before a handler runs: the sender must be one of our own
 * pages, and the payload must pass the channel's zod schema. Handlers answer with a
 * Result so an error reaches the renderer as a sentence, not a stack trace.
 */
import type { IpcChannel, IpcReply, IpcRequest } from '../../shared/ipc';
import { ipcRequestSchemas } from '../../shared/ipc';
import { describeIssues } from '../../shared/validation';

/** The parts of Electron's IpcMainInvokeEvent a guard needs. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

export type HandlerImpl<K extends IpcChannel> = (
  ...args: IpcRequest<K>
) => Extract<IpcReply<K>, { ok: true }>['value'] | Promise<Extract<IpcReply<K>, { ok: true }>['value']>;

/** The part of ipcMain this module uses (so tests can register on a fake). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

/** Wraps a handler with the sender check and payload validation; exported for tests. */
export function guarded<K extends IpcChannel>(
  channel: K,
  impl: HandlerImpl<K>,
  isTrustedSender: (url: string) => boolean,
): (event: InvokeEventLike, ...args: unknown[]) => Promise<IpcReply<K>> {
  return async (event, ...args) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedSender(url)) {
      return { ok: false, error: `Refused ${channel}: the request did not come from Postmortem Studio's own window.` };
    }
    const parsed = ipcRequestSchemas[channel].safeParse(args);
    if (!parsed.success) {
      return { ok: false, error: `Refused ${channel}: ${describeIssues(parsed.error)}` };
    }
    try {
      const value = await impl(...(parsed.data as IpcRequest<K>));
      return { ok: true, value } as IpcReply<K>;
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

export function handle<K extends IpcChannel>(
  ipcMain: IpcMainLike,
  channel: K,
  impl: HandlerImpl<K>,
  isTrustedSender: (url: string) => boolean,
): void {
  ipcMain.handle(channel, guarded(channel, impl, isTrustedSender));
}
