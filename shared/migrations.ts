/**
 * Brings a stored document of any past schemaVersion up to the current one. Each
 * migration is a pure function from version N to N+1; none mutates its input, so a
 * failed migration leaves the original untouched for the caller to keep.
 */
import { CURRENT_SCHEMA_VERSION, postmortemSchema, type Postmortem } from './model';
import { parseWith, type Result } from './validation';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] upgrades a version-n document to version n+1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // 2: imports keep sections they cannot map to the template.
  1: (doc) => ({ ...doc, extraSections: [] }),
  // 3: dismissed phrasing prompts are saved with the document.
  2: (doc) => ({ ...doc, promptDismissals: [] }),
  // 4: the meeting record keeps timer state (intervals, extensions), goals and private notes.
  3: (doc) => ({ ...doc, meeting: migrateMeeting(doc['meeting']) }),
  // 5: documents say which kind of write-up they are; root causes carry tags for repeat-incident metrics.
  4: (doc) => ({ ...doc, kind: 'postmortem', whys: migrateWhys(doc['whys']) }),
};

/** A version-3 meeting record (name, minutes, start, end per phase) with the new fields filled in. */
function migrateMeeting(meeting: unknown): unknown {
  if (!isRecord(meeting)) return meeting ?? null;
  const phases = Array.isArray(meeting['phases']) ? meeting['phases'] : [];
  const toSeconds = (from: unknown, to: unknown) =>
    typeof from === 'string' && typeof to === 'string'
      ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000) || 0
      : 0;
  const started = phases.filter((p) => isRecord(p) && typeof p['startedAt'] === 'string');
  return {
    agendaName: meeting['agendaName'],
    phases: phases.map((p) =>
      isRecord(p)
        ? {
            ...p,
            goal: '',
            section: 'context',
            extraMinutes: 0,
            spentSeconds: toSeconds(p['startedAt'], p['endedAt']),
            runningSince: null,
          }
        : p,
    ),
    currentPhase: Math.max(0, started.length - 1),
    startedAt: (started[0] as Record<string, unknown> | undefined)?.['startedAt'] ?? null,
    endedAt: started.length > 0 ? ((started[started.length - 1] as Record<string, unknown>)['endedAt'] ?? null) : null,
    privateNotes: '',
    readyForReview: false,
    muted: false,
  };
}

function migrateWhys(whys: unknown): unknown {
  if (!isRecord(whys) || !Array.isArray(whys['nodes'])) return whys;
  return { ...whys, nodes: whys['nodes'].map((node) => (isRecord(node) ? { ...node, tags: [] } : node)) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function migrateDocument(raw: unknown): Result<Postmortem> {
  if (!isRecord(raw)) return { ok: false, error: 'The file does not hold a postmortem (expected a JSON object).' };
  const version = raw['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'The file has no valid schemaVersion, so it is not a postmortem this app wrote.' };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `The file was written by a newer version of Postmortem Studio (format ${version}; this app reads up to ${CURRENT_SCHEMA_VERSION}). Update the app to open it.`,
    };
  }
  let doc: Record<string, unknown> = raw;
  for (let from = version; from < CURRENT_SCHEMA_VERSION; from += 1) {
    const migrate = MIGRATIONS[from];
    if (!migrate) return { ok: false, error: `No migration from format ${from} exists.` };
    try {
      doc = { ...migrate(doc), schemaVersion: from + 1 };
    } catch (error) {
      return { ok: false, error: `Upgrading from format ${from} failed: ${String(error)}` };
    }
  }
  return parseWith(postmortemSchema, doc, 'The postmortem');
}
