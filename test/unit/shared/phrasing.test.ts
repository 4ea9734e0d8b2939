import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyReframe,
  lintPhrasing,
  PHRASING_CATEGORIES,
  PHRASING_CATEGORY_IDS,
  PHRASING_RULES,
  sentenceBounds,
  splitSentences,
  type PhrasingFinding,
} from '../../../shared/phrasing';

const corpusFile = path.join(path.dirname(new URL(import.meta.url).pathname), '../../fixtures/phrasing/corpus.tsv');
const corpus = fs
  .readFileSync(corpusFile, 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => {
    const [label, category, sentence, source] = l.split('\t');
    return { label, category, sentence: sentence ?? '', source };
  });

const phrases = (text: string, findings: PhrasingFinding[] = lintPhrasing(text)) =>
  findings.map((f) => text.slice(f.start, f.end));

/** One sentence per rule that it must flag, and the phrase it must flag. */
const HITS: [rule: string, text: string, phrase: string][] = [
  ['human-error-term', 'Root cause: operator error during the certificate rotation.', 'operator error'],
  ['human-error-slang', 'Sam fat-fingered the replica count.', 'fat-fingered'],
  ['made-a-mistake', 'An SRE made a mistake in the firewall rule.', 'An SRE made a mistake'],
  ['possessive-mistake', 'She noticed her mistake a minute later.', 'her mistake'],
  ['fault-of-person', "It was Dana's fault that the config went out.", "Dana's fault"],
  ['person-to-blame', 'The new hire is to blame for the outage.', 'The new hire is to blame'],
  [
    'accident-adverb',
    'The contractor mistakenly pushed debug credentials.',
    'The contractor mistakenly pushed debug credentials',
  ],
  [
    'accident-phrase',
    'Engineers deleted the production database by accident.',
    'Engineers deleted the production database by accident',
  ],
  ['wrong-target', 'The DBA dropped the wrong table.', 'The DBA dropped the wrong table'],
  [
    'faulty-work-by-person',
    'Kim pushed a broken config to the edge nodes.',
    'Kim pushed a broken config to the edge nodes',
  ],
  ['humans-as-cause', 'People are the weakest link in this process.', 'People are the weakest link'],
  ['confused-which', 'The admin confused which host was the primary.', 'confused which host'],
  ['done-incorrectly', 'The manual failover was done incorrectly.', 'was done incorrectly'],
  ['botched', 'Lee botched the certificate rotation.', 'Lee botched'],
  ['person-caused', 'An engineer took down production with one command.', 'An engineer took down production'],
  ['forgot', 'Bob forgot to restart the worker.', 'Bob forgot to restart the worker'],
  ['neglected-to', 'They failed to notify the support team.', 'They failed to notify the support team'],
  ['did-not', "The reviewer didn't check the migration.", "The reviewer didn't check the migration"],
  ['never-did', 'The author never tested the rollback path.', 'The author never tested the rollback path'],
  ['missed', 'The on-call engineer missed the first page.', 'The on-call engineer missed the first page'],
  ['skipped', 'Someone skipped the canary stage.', 'Someone skipped the canary stage'],
  ['passive-omission', 'The warning in the deploy log was overlooked.', 'was overlooked'],
  ['nothing-done', 'Nothing was done for another two hours.', 'Nothing was done'],
  ['without-checking', 'We deployed without checking the dashboards.', 'without checking'],
  ['state-of-mind', 'The engineer panicked and restarted every node.', 'The engineer panicked'],
  ['did-not-bother', "Chen didn't bother to read the runbook.", "Chen didn't bother to read the runbook"],
  ['ignored-on-purpose', 'The on-call deliberately ignored the alert.', 'The on-call deliberately ignored the alert'],
  ['not-fully-aware', "He wasn't fully aware which cluster he was on.", "wasn't fully aware"],
  ['despite-knowing', 'The deploy went ahead despite being warned about the risk.', 'despite being warned'],
  ['disappeared', 'The SRE disappeared for forty minutes.', 'The SRE disappeared'],
  ['character-trait', 'Jake was careless with the credentials.', 'careless'],
  ['lack-of-skill', 'Lack of experience in the team caused this.', 'Lack of experience'],
  ['hindsight-phrase', 'In hindsight, the rollout was too fast.', 'In hindsight'],
  ['should-have', 'This should have been caught in review.', 'should have been caught'],
  ['obvious', 'It was obvious that the queue would back up.', 'It was obvious'],
  ['wrongly-assumed', 'We wrongly assumed the chart set resource limits.', 'wrongly assumed'],
  ['just-because', "Just because it compiles doesn't mean it works.", "Just because it compiles doesn't mean"],
  [
    'instead-of',
    'Instead of using the library, someone wrote a date parser.',
    'Instead of using the library, someone wrote',
  ],
  ['if-they-had', 'If Alex had waited for the canary, this would not have happened.', 'If Alex had waited'],
  ['any-competent', 'Any competent engineer would have noticed.', 'Any competent engineer would have'],
  ['signs-were-there', 'Looking back at the graphs, the signs were all there.', 'signs were all there'],
  ['bad-decision', 'Rolling out everywhere at once was a poor decision.', 'poor decision'],
  ['inadvisable', 'Deploying at 5pm was unwise.', 'was unwise'],
  ['misjudged', 'The developer misjudged the impact of the change.', 'The developer misjudged'],
  ['judged-work', 'The change was inadequately reviewed.', 'inadequately reviewed'],
  ['scare-quoted-judgement', 'It was deemed "good enough" by the developer.', 'deemed "good enough" by the developer'],
  ['chose-badly', 'The on-call chose badly under pressure.', 'chose badly'],
  ['done-before', "We've done this before and it was fine.", "We've done this before"],
  ['always-fine', 'It has never been a problem before.', 'It has never been a problem'],
  ['just-how-it-works', "That's just how our system works.", "That's just how our system works"],
  ['we-always', 'We always run with that configuration.', 'We always run with'],
  ['all-the-time', 'That alert fires all the time.', 'fires all the time'],
  ['everyone-does-it', 'Everyone does it on Fridays.', 'Everyone does it'],
  ['who-did-it', 'Who deployed this?', 'Who deployed this'],
  ['who-is-to-blame', 'So who is to blame?', 'who is to blame'],
  ['why-did-you', 'Why did you deploy on Friday?', 'Why did you deploy on Friday'],
  ['how-could-you', 'How could the reviewer not see the bug?', 'How could the reviewer not see the bug'],
  ['be-more-careful', 'We need to be more careful with migrations.', 'be more careful'],
  ['improve-monitoring', 'Improve monitoring.', 'Improve monitoring'],
  ['improve-testing', 'We will improve our testing.', 'improve our testing'],
  ['train-people', 'Train people to check the target cluster.', 'Train people to check'],
  ['improve-process', 'We should improve the process.', 'improve the process'],
];

/** Near misses: the same words in a sentence that does not blame anyone. */
const NEAR_MISSES: [rule: string, text: string][] = [
  ['human-error-term', 'This was not human error: the CLI accepted a destructive flag.'],
  ['human-error-term', 'Human error is a symptom, never a root cause.'],
  ['human-error-term', 'The user error rate rose to 3%.'],
  ['made-a-mistake', 'No one made a mistake here; the tooling allowed it.'],
  ['made-a-mistake', 'An ideal environment is one in which you can make mistakes and recover quickly.'],
  ['possessive-mistake', 'Their error rates stayed flat during the window.'],
  ['fault-of-person', "It is nobody's fault."],
  ['person-to-blame', 'No one was at fault; the failover script had never run under load.'],
  ['accident-adverb', 'Some components were accidentally deleted by the cleanup job.'],
  ['accident-adverb', 'The script mistakenly matched archived tenants.'],
  ['accident-adverb', 'Backups protect us against accidentally running the wrong command.'],
  ['accident-phrase', 'We worked around the root cause by accident.'],
  ['accident-phrase', 'The webhooks were removed to prevent them being triggered by accident.'],
  ['wrong-target', 'The metric filter was generated from the wrong log group.'],
  ['faulty-work-by-person', 'The pipeline deployed a broken build to staging.'],
  ['humans-as-cause', 'Users are the source of most bug reports.'],
  ['done-incorrectly', 'The config push was performed with the standard tooling.'],
  ['person-caused', 'We started the incident protocol at once.'],
  ['forgot', 'The engineer forgot nothing; the runbook had no step for it.'],
  ['forgot', "Don't forget to update the runbook."],
  ['neglected-to', 'The nightly job failed to connect to the replica.'],
  ['did-not', 'Our CI did not warn about the failure.'],
  ['did-not', 'If you do not check the box, the pipeline runs anyway.'],
  ['did-not', 'We did not have access to the production account.'],
  ['never-did', 'The purge job was never configured for this directory.'],
  ['missed', 'Kubernetes missed the liveness probe deadline.'],
  ['missed', 'We missed our SLO for the month.'],
  ['missed', 'Any competent reviewer would flag the missing index.'],
  ['skipped', 'The CI pipeline skipped the integration tests.'],
  ['passive-omission', 'The alert was missed because it went to a muted channel.'],
  ['passive-omission', 'The alerts were ignored by the dedupe rule.'],
  ['nothing-done', 'Several hours later, nothing looked amiss.'],
  ['without-checking', 'We should never deploy without checking the dashboards.'],
  ['state-of-mind', 'The node hit kernel panics after the upgrade.'],
  ['not-fully-aware', "We weren't entirely sure the snapshot had the webhooks."],
  ['not-fully-aware', 'The team was not aware of the quota change.'],
  ['despite-knowing', 'The rollout continued despite the failing health check.'],
  ['disappeared', 'The metrics disappeared from the dashboard.'],
  ['character-trait', 'Lazy loading of the settings page hid the slow query.'],
  ['character-trait', 'The review found no evidence of negligence.'],
  ['lack-of-skill', 'Lack of availability of the instance type delayed the fix.'],
  ['hindsight-phrase', 'Looking back at the logs, the first error was at 14:02.'],
  ['should-have', 'We should have alerting on config load failures.'],
  ['should-have', 'There were no items in the backlog that could have prevented this.'],
  ['obvious', 'It was not obvious from the dashboards that the queue was growing.'],
  ['obvious', 'We want to make it more obvious which host you are on.'],
  ['if-they-had', 'If the lock had been released, the job would have continued.'],
  ['bad-decision', 'The outage was not caused by a bad decision.'],
  ['inadvisable', 'It was a mistake in the config file, introduced in version 2.3.'],
  ['always-fine', 'This has always worked because the queue stays under 1000 items.'],
  ['we-always', 'We always deploy on Tuesdays after the change review.'],
  ['who-did-it', 'The engineer, who wrote the runbook, joined the call.'],
  ['who-did-it', 'Who will own the follow-up action item?'],
  ['why-did-you', 'Why did the job fail?'],
  ['why-did-you', 'Why did we not have an alert for this?'],
  ['be-more-careful', 'How will we do better in the future?'],
  ['improve-monitoring', 'Our main focus was on the monitoring dashboards.'],
];

describe('sentences', () => {
  it('splits on . ! ? but not inside times, versions, decimals or abbreviations', () => {
    const text =
      'At 14:23 the deploy of 1.2.3 started. Error rate hit 0.5%, e.g. on checkout! Dr. Patel paged us? Yes.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'At 14:23 the deploy of 1.2.3 started.',
      'Error rate hit 0.5%, e.g. on checkout!',
      'Dr. Patel paged us?',
      'Yes.',
    ]);
  });

  it('keeps list markers, timestamps and table bars (and time-only cells) out of sentences', () => {
    const text = '- 14:23 UTC — Jordan noticed the spike.\n| 14:30 | Priya paused the rollout. |\n2. Roll back.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Jordan noticed the spike.',
      'Priya paused the rollout.',
      'Roll back.',
    ]);
  });

  it('joins a soft-wrapped line that continues a sentence, and breaks on others', () => {
    const text = 'Remove the webhooks, to keep them from being\n   triggered by accident.\nThe restore took an hour';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Remove the webhooks, to keep them from being\n   triggered by accident.',
      'The restore took an hour',
    ]);
  });

  it('finds the sentence around an offset', () => {
    const text = 'First one. Second one here. Third.';
    const at = text.indexOf('one here');
    expect(text.slice(sentenceBounds(text, at).start, sentenceBounds(text, at).end)).toBe('Second one here.');
  });
});

describe('rules', () => {
  it.each(HITS)('%s flags %j', (rule, text, phrase) => {
    const findings = lintPhrasing(text);
    const finding = findings.find((f) => f.rule === rule);
    expect(finding, `${rule} on "${text}": got ${findings.map((f) => f.rule).join(', ')}`).toBeDefined();
    expect(text.slice(finding?.start, finding?.end)).toBe(phrase);
    expect(finding?.category).toBe(PHRASING_RULES.find((r) => r.id === rule)?.category);
  });

  it.each(NEAR_MISSES)('%s leaves %j alone', (rule, text) => {
    expect(lintPhrasing(text).filter((f) => f.rule === rule)).toEqual([]);
  });

  it('has a hit test for every rule, unique ids and known categories', () => {
    const ids = PHRASING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !HITS.some(([rule]) => rule === id))).toEqual([]);
    for (const rule of PHRASING_RULES) {
      expect(PHRASING_CATEGORY_IDS).toContain(rule.category);
      expect(rule.reframes.length).toBeGreaterThan(0);
      expect(rule.pattern.flags).toContain('g');
    }
  });

  it("every match of a rule's pattern contains one of its trigger words (the prefilter loses nothing)", () => {
    const texts = [...corpus.map((r) => r.sentence), ...HITS.map(([, text]) => text), ...NEAR_MISSES.map(([, t]) => t)];
    for (const rule of PHRASING_RULES) {
      const triggers = new Set(rule.triggers.split(/\s+/));
      const re = new RegExp(rule.pattern.source, rule.pattern.flags);
      for (const text of texts) {
        for (const match of text.replace(/[A-Z]+/g, (s) => s.toLowerCase()).matchAll(re)) {
          const words = match[0].split(/\b/).map((w) => w.trim());
          expect(
            words.some((w) => triggers.has(w)),
            `${rule.id}: "${match[0]}" has none of its triggers`,
          ).toBe(true);
        }
      }
    }
  });

  it('names every category with a label and a reason', () => {
    for (const id of PHRASING_CATEGORY_IDS) {
      expect(PHRASING_CATEGORIES[id].label).not.toBe('');
      expect(PHRASING_CATEGORIES[id].why).toMatch(/\.$/);
    }
  });
});

describe('neutral sentences', () => {
  const neutral = [
    'The on-call engineer was paged at 02:14 UTC and acknowledged within three minutes.',
    'Priya paused the rollout.',
    'The job failed to connect to the database.',
    'The deploy failed.',
    'Error rate rose from 0.1% to 12%.',
    'What did the policy say at the time?',
    'What information was available at that point?',
    'What would you have needed to know to decide differently?',
    'Was there any sign this might fail?',
    'What did monitoring show then?',
    'The customer wrote: "your engineers are careless and your status page is useless."',
    '"We should have known," said one attendee, and the facilitator asked what was known then.',
    'This was not human error.',
    'No one was at fault.',
    'Bob noticed the typo in the config during review and fixed it.',
    'A typo in the values file set the replica count to 0.',
    'The health check failed to detect the stuck worker.',
    'The engineer who wrote the runbook joined the call.',
    'The deploy tool did not check whether the cluster was production.',
    'Sara escalated to the database team after the second alert.',
    'Traffic was accidentally routed to the old cluster by a stale DNS record.',
    'The engineer restarted the pod, and the error rate dropped.',
    'Two engineers reviewed the pull request and approved it.',
    'The new engineer was shadowing the on-call rotation.',
    'Mistakes can happen, but the chances are low when people pair.',
    'Our monitoring noticed the drop in memory and did not alert us.',
    'We should enhance our logging to find root causes faster.',
    'Consider pushing node logs to Loki with limited retention.',
    'Use `rm -rf` with care: it can delete the wrong directory.',
  ];
  it.each(neutral)('%j has no findings', (text) => {
    expect(lintPhrasing(text)).toEqual([]);
  });
});

describe('offsets', () => {
  it('are UTF-16 offsets that survive emoji', () => {
    const text = '🔥 Bob forgot to check the config';
    const [finding] = lintPhrasing(text);
    expect(finding?.category).toBe('person-failed');
    expect(text.slice(finding?.start, finding?.end)).toBe('Bob forgot to check the config');
  });

  it('point into the right line of multi-line text', () => {
    const text =
      'The deploy started at 14:00.\r\n\r\n👩‍💻 Then the reviewer didn’t check the migration.\nThe deploy failed.\n- Who approved this change?';
    expect(phrases(text)).toEqual(['the reviewer didn’t check the migration', 'Who approved this change']);
    const [first] = lintPhrasing(text);
    expect(first?.excerpt).toBe('👩‍💻 Then the reviewer didn’t check the migration.');
  });

  it('flags each blameful sentence once, in order', () => {
    const text = 'Human error. The job retried. We should be more careful.';
    expect(lintPhrasing(text).map((f) => f.category)).toEqual(['human-error', 'vague-action']);
  });
});

describe('reframes', () => {
  const first = (text: string) => lintPhrasing(text)[0]?.reframes ?? [];

  it('use the sentence\'s own object: "didn\'t check X" asks what would have surfaced X', () => {
    expect(first("Bob didn't check the config.")).toEqual([
      'What in the process would have surfaced the config?',
      'What would have made checking the config a required step rather than something to remember?',
      'The config was not checked.',
    ]);
  });

  it('turn "why did you deploy on Friday?" into a question about the policy', () => {
    expect(first('Why did you deploy on Friday?')[0]).toBe(
      'What did our deployment policy say about Friday deploys at the time?',
    );
  });

  it('are written for each sentence', () => {
    expect(first('Apparently we forgot to restart the delayed jobs service after disabling the queue.')).toEqual([
      'What in the process would have prompted restarting the delayed jobs service?',
      'What would have made restarting the delayed jobs service a required step rather than something to remember?',
      'The delayed jobs service was not restarted.',
    ]);
    expect(first('Rolling out to all regions at once was a poor decision.')[0]).toBe(
      'What was known about the risk of rolling out to all regions at once when that choice was made?',
    );
    expect(first('The DBA dropped the wrong table while tidying up.')[0]).toBe(
      'What made the wrong table look like the right one at the time?',
    );
    expect(first('This should have been caught in review.')[0]).toBe(
      'What would it have taken for this to be caught in review?',
    );
    expect(first('The team should have known that the certificate was about to expire.')[0]).toBe(
      'What signals showed, at the time, that the certificate was about to expire?',
    );
    expect(first('We always run with that configuration.')[0]).toBe(
      'When did we accept the risk of running with that configuration, and does that decision still hold?',
    );
    expect(first('Who approved this change?')[0]).toBe(
      'How did this change get approved, and what did the process check along the way?',
    );
    expect(first("Why didn't Ravi roll back when the error rate spiked?")[0]).toBe(
      'What would have prompted rolling back when the error rate spiked?',
    );
    expect(first('Engineers need to be more careful when editing production configs.')[0]).toBe(
      'What check or guard rail would make extra care unnecessary when editing production configs?',
    );
    expect(first('An engineer mistakenly wiped the primary database.')).toContain(
      'Which safeguards were missing when the primary database was wiped?',
    );
  });

  it('are one to three complete sentences for every finding in the corpus', () => {
    for (const { sentence } of corpus) {
      for (const finding of lintPhrasing(sentence)) {
        expect(finding.reframes.length).toBeGreaterThanOrEqual(1);
        expect(finding.reframes.length).toBeLessThanOrEqual(3);
        for (const reframe of finding.reframes) {
          expect(reframe, sentence).toMatch(/^[A-Z`].*[?.]$/);
          expect(reframe, sentence).not.toMatch(/[{}]|\s{2}|\s[?.,]/);
        }
        expect(finding.why).toBe(PHRASING_CATEGORIES[finding.category].why);
        expect(finding.message).not.toBe('');
      }
    }
  });
});

describe('applyReframe', () => {
  it('replaces only the sentence that contains the finding', () => {
    const text = 'The deploy started at 14:00. Bob forgot to restart the worker after it. The queue drained by 14:30.';
    const [finding] = lintPhrasing(text);
    if (!finding) throw new Error('expected a finding');
    expect(applyReframe(text, finding, 0)).toBe(
      'The deploy started at 14:00. What in the process would have prompted restarting the worker? The queue drained by 14:30.',
    );
    expect(applyReframe(text, finding, 2)).toBe(
      'The deploy started at 14:00. The worker was not restarted. The queue drained by 14:30.',
    );
  });

  it('keeps list markers, timestamps and other lines', () => {
    const text = "- 14:23 UTC — The reviewer didn't check the migration.\n- 14:30 UTC — Rolled back.";
    const [finding] = lintPhrasing(text);
    if (!finding) throw new Error('expected a finding');
    expect(applyReframe(text, finding, 0)).toBe(
      '- 14:23 UTC — What in the process would have surfaced the migration?\n- 14:30 UTC — Rolled back.',
    );
  });

  it('leaves the text alone for a reframe index that does not exist', () => {
    const text = 'Human error.';
    const [finding] = lintPhrasing(text);
    if (!finding) throw new Error('expected a finding');
    expect(applyReframe(text, finding, 7)).toBe(text);
  });
});

describe('options', () => {
  const text = 'Human error. In hindsight we should have known.';

  it('skips disabled categories', () => {
    expect(lintPhrasing(text).map((f) => f.category)).toEqual(['human-error', 'hindsight', 'hindsight']);
    expect(lintPhrasing(text, { disabledCategories: ['hindsight'] }).map((f) => f.category)).toEqual(['human-error']);
    expect(lintPhrasing(text, { disabledCategories: [...PHRASING_CATEGORY_IDS] })).toEqual([]);
  });

  it('flags a team phrase case-insensitively as whole words, with its reframe', () => {
    const custom = [{ id: 'pebcak', phrase: 'layer 8  problem', reframe: 'What made the screen confusing?' }];
    const findings = lintPhrasing('It was a Layer 8 problem. Not a player 8 problemo.', { customRules: custom });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      category: 'human-error',
      rule: 'custom:pebcak',
      reframes: ['What made the screen confusing?'],
    });
    expect(phrases('It was a Layer 8 problem.', findings)).toEqual(['Layer 8 problem']);
  });

  it('files a team phrase under its category, and drops it when that category is disabled', () => {
    const custom = [
      {
        id: 'yolo',
        phrase: 'YOLO deploy',
        reframe: 'What did the deploy checklist ask for?',
        category: 'normalization' as const,
      },
    ];
    expect(lintPhrasing('Another yolo deploy on Friday.', { customRules: custom })[0]?.category).toBe('normalization');
    expect(
      lintPhrasing('Another yolo deploy on Friday.', { customRules: custom, disabledCategories: ['normalization'] }),
    ).toEqual([]);
  });

  it('escapes regular-expression characters in team phrases', () => {
    const custom = [{ id: 'q', phrase: 'who did this?!', reframe: 'What happened?' }];
    expect(
      lintPhrasing('Honestly, who did this?! Ugh.', { customRules: custom }).some((f) => f.rule === 'custom:q'),
    ).toBe(true);
  });
});
