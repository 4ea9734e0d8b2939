/**
 * Links leave the app only for the person's web browser, only over http(s), and only
 * after they confirm the address: a link in pasted text can look like one thing and
 * point at another. The dialog and the opener are passed in, so tests drive this
 * without Electron.
 */
import { isExternalWebUrl } from './security';

export interface ExternalLinkDeps {
  /** Shows the address and resolves to true only if the person chose to open it. */
  confirm: (url: string) => Promise<boolean>;
  open: (url: string) => Promise<void>;
}

export type ExternalLinkOutcome = 'opened' | 'declined' | 'refused';

/** Longest address shown in the confirmation; the rest is elided, never hidden silently. */
const MAX_SHOWN = 500;

export function shownAddress(url: string): string {
  return url.length > MAX_SHOWN ? `${url.slice(0, MAX_SHOWN)}… (${url.length - MAX_SHOWN} more characters)` : url;
}

export async function openExternalLink(url: string, deps: ExternalLinkDeps): Promise<ExternalLinkOutcome> {
  if (!isExternalWebUrl(url)) return 'refused';
  if (!(await deps.confirm(url))) return 'declined';
  await deps.open(url);
  return 'opened';
}
