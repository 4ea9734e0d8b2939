/**
 * The shape of a phrasing rule. Rules are data: a precompiled pattern, the context it
 * needs (who the subject is, no negation, not passive...) and reframe templates whose
 * {slots} are filled from the sentence, so each rewrite is made for the sentence at hand.
 */
import type { PhrasingCategory } from './categories';

/**
 * Who must be doing the thing for the wording to be blame:
 * - `person`: a person, role, pronoun or name ("Bob", "the on-call engineer", "we");
 * - `not-system`: anything but a system or "nobody" (a left-out subject passes);
 * - `person-or-diligence`: a person, or a left-out subject when the verb is diligence
 *   ("failed to verify") rather than mechanics ("failed to connect").
 */
export type SubjectPolicy = 'person' | 'not-system' | 'person-or-diligence';

/** Context checks the linter runs on a match, by name. */
export type ContextCheck =
  /** No "not", "no", "never", "rather than" just before it in the clause. */
  | 'not-negated'
  /** Not "if/unless/when ..." (a condition or a generic "you"). */
  | 'not-conditional'
  /** Not "was accidentally deleted": the passive names no actor. */
  | 'not-passive'
  /** Not "the ignored alert": an adjective, not an act. */
  | 'not-adjectival'
  /** Not followed by a reason ("because ...", "by the dedupe rule"): the gap is explained. */
  | 'not-explained'
  /** A verb that can do harm (deleted, pushed, rebooted) in the same sentence. */
  | 'harm'
  /** An action statement: imperative, or "we should/need to/will ...". */
  | 'action-statement'
  /** Not a statement about the phrase itself ("human error is a symptom"). */
  | 'not-meta'
  /** No modal in the clause ("should not deploy without testing" is policy). */
  | 'not-modal'
  /** Not a risk being guarded against ("to prevent them being triggered by accident"). */
  | 'not-hypothetical'
  /** The captured verb is a diligence verb (check, verify, notify...). */
  | 'diligence-verb'
  /** The captured participle really is one ("should have alerting" is not hindsight). */
  | 'participle'
  /** Asked as a question: ends with "?", or reported ("find out who ..."). */
  | 'question';

/** Where the verb for {gerund}/{pp} slots comes from. */
export type VerbSource =
  /** The `verb` named group. */
  | 'group'
  /** The last harm verb before the match in the same clause ("deleted X by accident"). */
  | 'before'
  /** The first verb after the `subject` group ("why did the on-call engineer roll back"). */
  | 'after-subject';

export interface PhrasingRule {
  /** Stable id, shown to users as the finding's rule. */
  readonly id: string;
  readonly category: PhrasingCategory;
  /**
   * Global, precompiled, written in lower case: it is matched against one sentence at a
   * time with ASCII capitals lowered (same length, so offsets hold), which keeps the
   * patterns free of the slow case-insensitive flag.
   */
  readonly pattern: RegExp;
  /**
   * Words (space-separated, lower case) of which every match of `pattern` contains at
   * least one: a sentence without any of them is never tried against the pattern. This
   * is what keeps linting a long document fast; a unit test checks it holds.
   */
  readonly triggers: string;
  /** Short label for the finding. */
  readonly message: string;
  /** Overrides the category's priority where findings overlap. */
  readonly priority?: number;
  readonly subject?: SubjectPolicy;
  /** Take a left-out subject from the clause before ("... and then forgot to ..."). */
  readonly inherit?: boolean;
  /** Also accept the sentence's opening subject ("X did Y, ... but it was on prod by mistake"). */
  readonly sentenceSubject?: boolean;
  /** Subjects that do not count even though they are people ("why did we ...?" is reflection). */
  readonly excludeSubjects?: readonly string[];
  readonly checks?: readonly ContextCheck[];
  readonly verb?: VerbSource;
  /** Flag from the subject through the object, not just the matched words. */
  readonly wide?: boolean;
  /**
   * Rewrites, best first. `{slot}` is filled from the sentence and the template is
   * skipped when the slot has no value; `{slot?}` may be empty. Up to three are used.
   */
  readonly reframes: readonly string[];
}

/** Builds a global pattern (for lower-cased text) from readable parts. */
export function pattern(...parts: string[]): RegExp {
  return new RegExp(parts.join(''), 'g');
}

/** Optional adverbs between an auxiliary and its verb ("did not even check"). */
export const ADVERBS = String.raw`(?:(?:[a-z]+ly|even|also|just|ever|actually|really|properly|simply|then|ever)\s+)*`;
/** A single verb, captured for reframes. */
export const VERB = String.raw`(?<verb>[a-z]+(?:-[a-z]+)?)`;
/** "n't" or " not". */
export const NOT = String.raw`(?:\s+not|n['’]t)`;
