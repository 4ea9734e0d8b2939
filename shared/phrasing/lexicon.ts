/**
 * Word lists the phrasing rules reason with: who can be a person (and so be blamed),
 * what is a system (and so can fail without blame), and the verb forms reframes need
 * to stay grammatical ("forgot to check" -> "checking", "should have caught" -> "catch").
 */

/** A set of words from a space-separated list. */
export function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

/** Nouns and pronouns naming people or roles (singular and plural). */
export const PERSON_WORDS = words(`
  engineer engineers developer developers dev devs operator operators admin admins administrator administrators
  sysadmin sysadmins sre sres oncall on-call oncaller oncallers on-caller on-callers responder responders
  reviewer reviewers author authors committer committers maintainer maintainers contributor contributors
  owner owners user users customer customers member members staff staffer employee employees colleague colleagues
  coworker coworkers co-worker person people human humans someone somebody anyone anybody everyone everybody
  whoever intern interns hire hires contractor contractors consultant consultants manager managers lead leads
  captain commander dba dbas analyst analysts tester testers architect architects programmer programmers coder
  coders technician technicians teammate teammates team teams squad folks guy guys agent agents
  he she they we i you him them us me myself himself herself themselves ourselves yourself
`);

/** Subjects that deny anyone did anything: "nobody noticed" describes a gap, not a person. */
export const NOBODY_WORDS = words('nobody noone none');

/** Nouns for systems, artefacts and tools: a system that "failed to connect" is not blame. */
export const SYSTEM_WORDS = words(`
  system systems service services server servers job jobs cron cronjob cronjobs deploy deploys deployment deployments
  pipeline pipelines script scripts tool tools tooling check checks alert alerts alerting monitoring monitor monitors
  dashboard dashboards database databases db replica replicas primary secondary cluster clusters node nodes pod pods
  container containers process processes worker workers queue queues cache caches api apis endpoint endpoints app apps
  application applications client clients library libraries code config configs configuration rule rules policy
  certificate certificates cert certs dns network networks balancer balancers proxy firewall disk disks memory cpu
  host hosts machine machines instance instances vm vms build builds test tests ci cd presubmit probe probes scheduler
  controller controllers bot bots automation webhook webhooks hook hooks handler handlers function functions lambda
  request requests query queries migration migrations backup backups restore release releases rollout rollouts
  change changes patch patches update updates upgrade upgrades version versions flag flags feature features setting
  settings value values file files directory directories bucket buckets table tables index indexes schema schemas
  log logs logging metric metrics graph graphs traffic retry retries timeout timeouts failover orchestrator sync
  backend frontend site website pager storage volume volumes quota limit limits lb alb elb cdn vpn connection
  connections batch daemon consumer consumers producer producers broker brokers stream streams replication health
  kubernetes k8s kubectl terraform helm docker postgres postgresql mysql mongodb redis kafka nginx haproxy envoy
  aws gcp azure github gitlab jenkins concourse prow boskos pingdom pagerduty datadog grafana prometheus cloudflare
  heroku slack opsgenie sentry elasticsearch s3 ec2 cloudwatch borgmon traefik flux kyverno fluentd kiam argo
  spinnaker vault consul etcd zookeeper rabbitmq sidekiq celery airflow it this that which everything nothing
  runbook runbooks playbook playbooks docs documentation data dataset datasets repo repository cron tests suite
  outage incident issue problem error errors bug bugs crash load latency disk-space dedupe regex kernel
  os firmware hardware driver
`);

/** Function words skipped when looking for the head of a subject. */
export const SKIP_WORDS = words(`
  the a an one of our their his her my your its these those some any all each every both another other several
  many most few in on at by for with from to during within around about approximately into onto over under
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august september
  october november december today yesterday tonight tomorrow morning afternoon evening night utc cet pst pdt est
  gmt am pm later earlier then now first finally also just still never even only again already ultimately
  apparently unfortunately however meanwhile eventually initially subsequently immediately quickly soon ok so well
  frankly honestly basically clearly obviously simply really actually sadly luckily fortunately instead next
  there here why how what where
`);

/** Words that end a clause when scanning for its subject or its object. */
export const CLAUSE_BREAKERS = words(`
  and but or because so when while after before since although though which that who whom if as until then where
  once unless whereas yet nor whilst instead rather despite without
`);

/** Auxiliaries and copulas: a subject ends where these start. */
export const AUXILIARIES = words(`
  is are was were be been being do does did have has had will would can could should must may might shall
  isn't aren't wasn't weren't don't doesn't didn't haven't hasn't hadn't won't wouldn't can't couldn't shouldn't
  became becomes become got gets seemed seems
`);

/** Words that negate what follows them in the same clause. */
export const NEGATORS = words(`
  not no never without nobody none neither nor isn't wasn't aren't weren't don't doesn't didn't hasn't haven't
  hadn't cannot can't won't wouldn't shouldn't couldn't
`);

export interface VerbForms {
  base: string;
  past: string;
  pp: string;
  ing: string;
  /** Noun for policies ("deployment policy") and plural events ("Friday deploys"). */
  policyNoun?: string;
  events?: string;
}

const DOUBLES = words(
  'stop drop plan ship commit skip spot scan pin flag log map step chat tap admit submit run rerun set put get begin shut forget hit cut swap trip bet',
);

function regular(base: string): VerbForms {
  const last = base.slice(-1);
  const consonantY = /[^aeiou]y$/.test(base);
  const stem = DOUBLES.has(base) ? base + last : base;
  const past = base.endsWith('e') ? `${base}d` : consonantY ? `${base.slice(0, -1)}ied` : `${stem}ed`;
  const ing = base.endsWith('ie')
    ? `${base.slice(0, -2)}ying`
    : base.endsWith('e') && !base.endsWith('ee')
      ? `${base.slice(0, -1)}ing`
      : `${stem}ing`;
  return { base, past, pp: past, ing };
}

const IRREGULAR: readonly (readonly [string, string, string])[] = [
  ['run', 'ran', 'run'],
  ['read', 'read', 'read'],
  ['tell', 'told', 'told'],
  ['think', 'thought', 'thought'],
  ['catch', 'caught', 'caught'],
  ['see', 'saw', 'seen'],
  ['know', 'knew', 'known'],
  ['foresee', 'foresaw', 'foreseen'],
  ['break', 'broke', 'broken'],
  ['write', 'wrote', 'written'],
  ['overwrite', 'overwrote', 'overwritten'],
  ['go', 'went', 'gone'],
  ['do', 'did', 'done'],
  ['make', 'made', 'made'],
  ['take', 'took', 'taken'],
  ['put', 'put', 'put'],
  ['send', 'sent', 'sent'],
  ['set', 'set', 'set'],
  ['shut', 'shut', 'shut'],
  ['build', 'built', 'built'],
  ['forget', 'forgot', 'forgotten'],
  ['give', 'gave', 'given'],
  ['get', 'got', 'got'],
  ['bring', 'brought', 'brought'],
  ['pay', 'paid', 'paid'],
  ['hear', 'heard', 'heard'],
  ['find', 'found', 'found'],
  ['leave', 'left', 'left'],
  ['begin', 'began', 'begun'],
  ['choose', 'chose', 'chosen'],
  ['understand', 'understood', 'understood'],
  ['mistake', 'mistook', 'mistaken'],
  ['rerun', 'reran', 'rerun'],
  ['feel', 'felt', 'felt'],
  ['spend', 'spent', 'spent'],
  ['lose', 'lost', 'lost'],
];

const REGULAR_VERBS = `
  check double-check verify validate test review follow communicate escalate notify inform ask request consult confirm
  update document provide respond acknowledge consider monitor prioritise prioritize coordinate report mention share
  investigate wait look restart disable enable revert roll warn alert deploy push merge delete remove wipe drop reboot
  re-boot apply destroy terminate kill change modify truncate commit migrate release notice realize realise spot
  anticipate expect predict address rush approve type label use configure add pin remember try stop scale handle
  create install upgrade patch backup back fix flag raise page call watch lock unlock turn silence mute ignore skip
  miss compile ship start execute issue introduce learn reply sign plan announce double-check test-drive pause
  rollback wipe clean purge edit rename move copy trigger launch switch fail inspect measure estimate load
  listen attend track log triage open close resolve mitigate examine audit enforce tidy rerun disregard bypass
  override neglect omit overlook slow assume believe presume trust suppose wonder save avoid prevent
  proceed wait rely go
`;

const POLICY_NOUNS: Record<string, readonly [string, string]> = {
  deploy: ['deployment', 'deploys'],
  release: ['release', 'releases'],
  merge: ['merge', 'merges'],
  push: ['push', 'pushes'],
  ship: ['release', 'releases'],
  restart: ['restart', 'restarts'],
  migrate: ['migration', 'migrations'],
  change: ['change', 'changes'],
  upgrade: ['upgrade', 'upgrades'],
  patch: ['patching', 'patches'],
  approve: ['approval', 'approvals'],
  rollback: ['rollback', 'rollbacks'],
};

function buildVerbs(): Map<string, VerbForms> {
  const byBase = new Map<string, VerbForms>();
  for (const base of REGULAR_VERBS.split(/\s+/).filter(Boolean)) byBase.set(base, regular(base));
  for (const [base, past, pp] of IRREGULAR) byBase.set(base, { ...regular(base), past, pp });
  for (const [base, [policyNoun, events]] of Object.entries(POLICY_NOUNS)) {
    const forms = byBase.get(base);
    if (forms) byBase.set(base, { ...forms, policyNoun, events });
  }
  return byBase;
}

/** Every known verb by base form. */
export const VERBS: ReadonlyMap<string, VerbForms> = buildVerbs();

/** Any inflected form (checked, caught, checking) back to the verb's forms. */
export const VERB_FORMS: ReadonlyMap<string, VerbForms> = (() => {
  const map = new Map<string, VerbForms>();
  for (const forms of VERBS.values()) {
    for (const form of [forms.ing, forms.pp, forms.past, forms.base]) map.set(form, forms);
    if (!forms.base.endsWith('s')) map.set(`${forms.base}s`, forms);
  }
  return map;
})();

/** Verbs for doing diligence: not doing them, said of a person, reads as blame. */
export const DILIGENCE_VERBS = words(`
  check double-check verify validate test review read follow communicate escalate notify inform tell ask request
  consult confirm update document provide respond acknowledge consider monitor prioritise prioritize
  coordinate report mention share investigate wait look restart disable revert roll warn alert watch notice
  realize realise remember backup back inspect track triage listen pay attend reply announce examine audit
`);

/** Verbs for actions that can do harm: an accident described with one of these is an error story. */
export const HARM_VERBS = words(`
  delete deleted deleting remove removed removing wipe wiped wiping drop dropped dropping run ran running push pushed
  pushing deploy deployed deploying reboot rebooted rebooting re-boot re-booted restart restarted restarting apply
  applied applying destroy destroyed destroying terminate terminated terminating kill killed killing shut break broke
  breaking change changed changing modify modified modifying overwrite overwrote overwriting truncate truncated
  disable disabled disabling merge merged merging commit committed committing introduce introduced execute executed
  executing issue issued issuing type typed typing label labeled labelled leak leaked expose exposed publish
  published purge purged edit edited scale scaled trigger triggered wiped destroy-ed rm
`);
