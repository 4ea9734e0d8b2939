/**
 * Messages between the editor window and a facilitator console in another window
 * (a second screen). The editor owns the postmortem and the clock; the console shows
 * snapshots and sends commands, so the two can never disagree or overwrite each other.
 */
import { z } from 'zod';
import { postmortemSchema } from './model';

export const MEETING_COMMANDS = ['toggle-pause', 'next', 'previous', 'extend', 'end', 'toggle-presenting'] as const;
export type MeetingCommand = (typeof MEETING_COMMANDS)[number];

export const meetingMessageSchema = z.discriminatedUnion('type', [
  /** A console opened (or reloaded) and wants the current state. */
  z.object({ type: z.literal('hello') }),
  /** A console is closing. */
  z.object({ type: z.literal('bye') }),
  /** The editor's postmortem as it is now. */
  z.object({ type: z.literal('state'), doc: postmortemSchema }),
  z.object({ type: z.literal('command'), command: z.enum(MEETING_COMMANDS) }),
  z.object({ type: z.literal('go-to-phase'), index: z.number().int().min(0).max(49) }),
  z.object({ type: z.literal('notes'), text: z.string().max(200_000) }),
]);
export type MeetingMessage = z.infer<typeof meetingMessageSchema>;

/** One channel per open postmortem. */
export interface MeetingChannel {
  post(message: MeetingMessage): void;
  subscribe(listener: (message: MeetingMessage) => void): () => void;
  close(): void;
}

export { consoleDocId, consoleHash } from './consoleLink';
