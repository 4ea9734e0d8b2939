import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPostmortem } from '../../../shared/markdown/importTemplate';
import { postmortemSchema } from '../../../shared/model';

const corpus = path.resolve(__dirname, '../../../../shared/corpus/postmortems');

/** What each real postmortem holds, read by a person: title, timeline rows, action items. */
const EXPECTED: Record<string, { title: string; timeline: number; actions: number }> = {
  '01-gitlab-2017-database-outage.md': {
    title: 'Postmortem of database outage of January 31',
    timeline: 4,
    actions: 0,
  },
  '02-sre-book-shakespeare-sonnet.md': {
    title: 'Shakespeare Sonnet++ Postmortem (incident #465)',
    timeline: 34,
    actions: 9,
  },
  '03-dfds-pm2019-010-node-deletion.md': { title: 'Hellman Kubernetes cluster node deletion', timeline: 6, actions: 2 },
  '04-dfds-pm2019-011-iac-reverted.md': {
    title: 'Hellman Kubernetes IaC accidentally reverted',
    timeline: 11,
    actions: 5,
  },
  '05-dfds-pm2021-004-adfs-outage.md': { title: 'ADFS Outage', timeline: 8, actions: 3 },
  '06-dfds-pm2022-002-logs-not-shipped.md': { title: 'Logs not shipped to CloudWatch', timeline: 7, actions: 1 },
  '07-dfds-pm2022-009-bad-eks-ami.md': { title: 'Bad AWS EKS AMI', timeline: 20, actions: 7 },
  '08-dfds-pm2024-001-nodes-notready.md': {
    title: 'Two Kubernetes nodes went into NotReady state',
    timeline: 28,
    actions: 7,
  },
  '09-k8s-prow-2019-01-23-outage.md': { title: 'January 23rd, 2019 Prow Outage', timeline: 11, actions: 2 },
  '10-k8s-prow-2019-05-30-flakiness.md': { title: 'May 30th, 2019 Prow Flakiness', timeline: 11, actions: 2 },
  '11-rust-crates-io-2023-broken-downloads.md': {
    title: 'crates.io Postmortem: Broken Crate Downloads',
    timeline: 16,
    actions: 3,
  },
  '12-rust-crates-io-2020-incident-report.md': {
    title: 'crates.io incident report for 2020-02-20',
    timeline: 17,
    actions: 5,
  },
  '13-opensuse-obs-2023-10-10-comments-pages.md': {
    title: 'Post-mortem: Service Degradation for Pages with Comments',
    timeline: 5,
    actions: 1,
  },
  '14-go-ethereum-2021-08-minority-split.md': {
    title: 'Minority split 2021-08-27 post mortem',
    timeline: 4,
    actions: 0,
  },
  '15-moj-2020-02-12-concourse-down.md': { title: 'Incident on 2020-02-12', timeline: 3, actions: 0 },
  '16-moj-2021-05-10-manager-cluster-destroyed.md': {
    title: 'Incident on 2021-05-10 - Apply Pipeline downtime due to accidental destroy of Manager cluster',
    timeline: 4,
    actions: 4,
  },
  '17-moj-2025-07-23-secrets-leaked.md': {
    title: 'Incident on 2025-07-23 - Multiple secrets leaked to public',
    timeline: 4,
    actions: 0,
  },
  '18-opensuse-obs-2023-06-20-staging-workflow.md': {
    title: 'Post-mortem: Staging Workflow Unavailable',
    timeline: 9,
    actions: 4,
  },
  '19-opensuse-obs-2018-01-17-deployment.md': {
    title: 'Post-mortem: Deployment on January 17th, 2018',
    timeline: 0,
    actions: 0,
  },
  '20-homebrew-2018-security-incident.md': { title: 'Security Incident Disclosure', timeline: 0, actions: 0 },
};

describe('real postmortems from the corpus', () => {
  const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.md'));

  it('covers all 20 files', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s imports with its title, timeline and action items, keeping the rest', (file) => {
    const markdown = fs.readFileSync(path.join(corpus, file), 'utf8');
    const { doc, warnings } = importPostmortem(markdown, { id: 'corpus', now: '2026-03-18T10:00:00.000Z' });
    const expected = EXPECTED[file];
    expect(postmortemSchema.safeParse(doc).success).toBe(true);
    expect(doc.title).toBe(expected?.title);
    expect(doc.timeline).toHaveLength(expected?.timeline ?? -1);
    expect(doc.actionItems).toHaveLength(expected?.actions ?? -1);
    // Nothing is dropped silently: unmapped content is kept and each kept part is reported.
    expect(doc.extraSections.length).toBeGreaterThan(0);
    for (const section of doc.extraSections) {
      expect(warnings.some((w) => w.message.includes(`"${section.heading}"`))).toBe(true);
    }
  });
});
