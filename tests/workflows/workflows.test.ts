/**
 * The GitHub workflows, checked as data: every security rule in rules.ts on every workflow (and each rule
 * proven to fire on a broken fixture in tests/fixtures/workflows/), then what each workflow must do:
 * check validates and leaves a report, fast; ci tests and builds beside it; pr-comment comments, when
 * check completes, without running pull-request code;
 * deploy publishes only a tested build, one at a time; freshness reports weekly. Also Dependabot, the
 * pull-request template and the issue templates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { reportProblemUrl } from '../../src/lib/site-config.ts';
import { ROOT } from '../helpers/content.ts';
import { checkWorkflow, declaredBreaches, POLICY, RULES, triggers, type Rule, type Violation } from './rules.ts';

const WORKFLOWS = join(ROOT, '.github/workflows');
const FIXTURES = join(ROOT, 'tests/fixtures/workflows');
const npmScripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const options = { root: ROOT, npmScripts };

const workflowFiles = readdirSync(WORKFLOWS)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort();
const fixtureFiles = readdirSync(FIXTURES)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort();

// Parsed YAML is untyped; these tests read it as plain data and fail loudly when a shape is wrong.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

function text(file: string): string {
  return readFileSync(join(WORKFLOWS, file), 'utf8');
}

function workflow(file: string): Data {
  return parse(text(file)) as Data;
}

function steps(file: string, job: string): Step[] {
  const found = workflow(file).jobs?.[job]?.steps;
  expect(Array.isArray(found), `${file}: job ${job} has steps`).toBe(true);
  return found as Step[];
}

function stepUsing(all: Step[], action: string): Step {
  const found = all.find((step) => step.uses?.split('@')[0] === action);
  expect(found, `a step uses ${action}`).toBeDefined();
  return found as Step;
}

function indexOfRun(all: Step[], pattern: RegExp): number {
  const index = all.findIndex((step) => typeof step.run === 'string' && pattern.test(step.run));
  expect(index, `a step runs ${pattern}`).toBeGreaterThanOrEqual(0);
  return index;
}

function show(violation: Violation): string {
  return `[${violation.rule}] ${violation.where}: ${violation.message}`;
}

const EXISTENCE_RULES: Rule[] = ['script-exists', 'npm-script-exists'];

describe('every workflow in .github/workflows', () => {
  it('includes check, ci, pr-comment, deploy and freshness, and every workflow has an entry in the permissions allow-list', () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(['check.yml', 'ci.yml', 'pr-comment.yml', 'deploy.yml', 'freshness.yml']));
    for (const file of workflowFiles)
      expect(Object.keys(POLICY), `${file}: add its jobs to POLICY in tests/workflows/rules.ts`).toContain(workflow(file).name);
  });

  it.each(workflowFiles)('%s keeps every security rule', (file) => {
    const violations = checkWorkflow(text(file), options).filter((violation) => !EXISTENCE_RULES.includes(violation.rule));
    expect(violations.map(show)).toEqual([]);
  });

  it.each(workflowFiles)('%s runs only npm scripts that package.json has', (file) => {
    expect(
      checkWorkflow(text(file), options)
        .filter((violation) => violation.rule === 'npm-script-exists')
        .map(show),
    ).toEqual([]);
  });

  // scripts/pr-report.ts, pr-comment.ts and freshness.ts are written alongside these workflows: until
  // they exist this test names the missing ones.
  it.each(workflowFiles)('%s runs only scripts that exist in scripts/', (file) => {
    expect(
      checkWorkflow(text(file), options)
        .filter((violation) => violation.rule === 'script-exists')
        .map(show),
    ).toEqual([]);
  });

  it('pins each action to one commit and one release everywhere, so a Dependabot update moves them together', () => {
    const pins = new Map<string, Set<string>>();
    for (const file of workflowFiles) {
      for (const match of text(file).matchAll(/uses:\s*([^@\s]+)@([0-9a-f]{40})\s*#\s*(\S+)/g)) {
        const [, action = '', sha = '', release = ''] = match;
        pins.set(action, (pins.get(action) ?? new Set()).add(`${sha} # ${release}`));
      }
    }
    expect(pins.size).toBeGreaterThanOrEqual(7);
    for (const [action, versions] of pins) expect([...versions], action).toHaveLength(1);
  });
});

describe('each rule fires on its broken fixture (tests/fixtures/workflows)', () => {
  it.each(fixtureFiles)('%s breaks exactly the rules its first line names', (file) => {
    const fixture = readFileSync(join(FIXTURES, file), 'utf8');
    const declared = declaredBreaches(fixture);
    expect(declared.length, `${file} must start with "# breaks: <rule>"`).toBeGreaterThan(0);
    const fired = [...new Set(checkWorkflow(fixture, options).map((violation) => violation.rule))].sort();
    expect(fired).toEqual([...new Set(declared)].sort());
  });

  it('has a fixture for every rule', () => {
    const covered = new Set(fixtureFiles.flatMap((file) => declaredBreaches(readFileSync(join(FIXTURES, file), 'utf8'))));
    expect(Object.keys(RULES).filter((rule) => !covered.has(rule as Rule))).toEqual([]);
  });
});

describe('check.yml', () => {
  const check = workflow('check.yml');
  const all = steps('check.yml', 'check');
  const cache = () => stepUsing(all, 'actions/cache');

  it('runs on every pull request, and on pushes to main (which leave the installed packages for pull requests)', () => {
    expect(check.name).toBe('check');
    expect(check.jobs.check.name).toBe('Check the content');
    expect(triggers(check).sort()).toEqual(['pull_request', 'push']);
    expect(check.on.push.branches).toEqual(['main']);
    expect(check.concurrency['cancel-in-progress']).toBe("${{ github.event_name == 'pull_request' }}");
  });

  it('checks out GitHub’s merge of the pull request with its two parents, and no more history', () => {
    expect(stepUsing(all, 'actions/checkout').with).toEqual({ 'persist-credentials': false, 'fetch-depth': 2 });
  });

  it(
    'restores node_modules cached for this exact lock file, Node version and install, ' +
      'and installs only on a miss, without the dev and optional packages',
    () => {
      expect(stepUsing(all, 'actions/setup-node').with).toEqual({ 'node-version-file': '.nvmrc', 'package-manager-cache': false });
      expect(cache().id).toBe('packages');
      expect(cache().with?.path).toBe('node_modules');
      const key = String(cache().with?.key);
      expect(key).toContain("hashFiles('.nvmrc', 'package.json', 'package-lock.json')");
      expect(key).toContain('${{ runner.os }}');
      expect(key).toContain('omit-dev-optional');
      // An exact match or nothing: node_modules made from another lock file is never used.
      expect(cache().with).not.toHaveProperty('restore-keys');
      const install = all[indexOfRun(all, /^npm ci\b/)] as Step & { id?: string };
      expect(install.run?.trim()).toBe('npm ci --omit=dev --omit=optional --no-audit --no-fund');
      expect(install.if).toBe("${{ steps.packages.outputs.cache-hit != 'true' }}");
      expect(all.indexOf(cache())).toBeLessThan(all.indexOf(install));
    },
  );

  it('validates with annotations, then reports, then keeps the report, and runs no tests and no build', () => {
    const order = [/^npm ci\b/, /^npm run validate -- --format github$/, /node scripts\/pr-report\.ts /].map((pattern) =>
      indexOfRun(all, pattern),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(all.some((step) => /npm test|npm run build|astro/.test(step.run ?? ''))).toBe(false);
    const upload = stepUsing(all, 'actions/upload-artifact');
    expect(all.indexOf(upload)).toBeGreaterThan(order[2]);
  });

  it('leaves the full list of problems to scripts/validate.ts, which writes it to the job summary itself', () => {
    expect(readFileSync(join(ROOT, 'scripts/validate.ts'), 'utf8')).toContain('GITHUB_STEP_SUMMARY');
    expect(all[indexOfRun(all, /npm run validate/)]?.run).not.toContain('GITHUB_STEP_SUMMARY');
  });

  it('writes the pull-request report from the merge, even when validation failed, with every event value passed through env', () => {
    const report = all[indexOfRun(all, /node scripts\/pr-report\.ts /)] as Step;
    expect(report.if).toMatch(/!cancelled\(\)|always\(\)/);
    expect(report.if).toContain("github.event_name == 'pull_request'");
    // Installed, whether from the cache or by npm ci.
    expect(report.if).toContain("steps.packages.outputs.cache-hit == 'true' || steps.install.outcome == 'success'");
    expect(report.env).toEqual({
      HEAD_SHA: '${{ github.event.pull_request.head.sha }}',
      PR_NUMBER: '${{ github.event.pull_request.number }}',
      PR_AUTHOR: '${{ github.event.pull_request.user.login }}',
    });
    expect(report.run).toContain(
      'node scripts/pr-report.ts --merge HEAD --head "$HEAD_SHA" --pr "$PR_NUMBER" --author "$PR_AUTHOR" --out report',
    );
    expect(report.run).toMatch(/cat report\/summary\.md >> "\$GITHUB_STEP_SUMMARY"/);
  });

  it('keeps the report as the pr-report artifact whenever it was written', () => {
    const uploads = all.filter((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(uploads.map((step) => [step.with?.name, step.with?.path])).toEqual([['pr-report', 'report/']]);
    expect(uploads[0]?.if).toMatch(/!cancelled\(\)|always\(\)/);
    expect(uploads[0]?.if).toContain("steps.report.outcome == 'success'");
  });
});

describe('ci.yml', () => {
  const ci = workflow('ci.yml');
  const all = steps('ci.yml', 'check');

  it('runs on every pull request and on pushes to main', () => {
    expect(triggers(ci).sort()).toEqual(['pull_request', 'push']);
    expect(ci.on.push.branches).toEqual(['main']);
  });

  it('keeps the job name that branch protection requires, and CONTRIBUTING.md names both required checks', () => {
    // Renaming a required check leaves every pull request waiting for a check that never comes.
    expect(ci.jobs.check.name).toBe('Validate, test and build');
    const contributing = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8').replace(/\s+/g, ' ');
    for (const name of [ci.jobs.check.name, workflow('check.yml').jobs.check.name]) expect(contributing).toContain(`"${name}"`);
  });

  it('checks out the full history and sets up the Node of .nvmrc with the npm cache', () => {
    expect(stepUsing(all, 'actions/checkout').with).toMatchObject({ 'persist-credentials': false, 'fetch-depth': 0 });
    expect(stepUsing(all, 'actions/setup-node').with).toMatchObject({ 'node-version-file': '.nvmrc', cache: 'npm' });
  });

  it('installs, validates (to stop before the tests), tests and builds, in that order, and leaves the report to check.yml', () => {
    const order = [/^npm ci --no-audit --no-fund$/, /^npm run validate$/, /^npm test$/, /^npm run build$/].map((pattern) =>
      indexOfRun(all, pattern),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const test = all[indexOfRun(all, /^npm test$/)];
    expect(test?.env?.CHROMIUM_PATH).toBe('/usr/bin/google-chrome');
    expect(all.some((step) => /pr-report/.test(step.run ?? ''))).toBe(false);
  });

  it('keeps the built site as the site artifact on a pull request', () => {
    const uploads = all.filter((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(uploads.map((step) => [step.with?.name, step.with?.path])).toEqual([['site', 'dist/']]);
    expect(uploads[0]?.if).toContain("github.event_name == 'pull_request'");
    expect(all.indexOf(uploads[0] as Step)).toBeGreaterThan(indexOfRun(all, /^npm run build$/));
  });
});

describe('pr-comment.yml', () => {
  const prComment = workflow('pr-comment.yml');
  const all = steps('pr-comment.yml', 'comment');

  it('runs when the check workflow completes (not ci, which waits for the tests), for pull requests only', () => {
    expect(triggers(prComment)).toEqual(['workflow_run']);
    expect(prComment.on.workflow_run).toEqual({ workflows: [workflow('check.yml').name], types: ['completed'] });
    expect(prComment.jobs.comment.if).toContain("github.event.workflow_run.event == 'pull_request'");
  });

  it('runs only the default branch’s code: it installs, then downloads the report as data, then comments', () => {
    expect(stepUsing(all, 'actions/checkout').with?.ref).toBe('${{ github.event.repository.default_branch }}');
    const runs = all.filter((step) => typeof step.run === 'string').map((step) => step.run?.trim());
    expect(runs).toEqual(['npm ci --no-audit --no-fund', 'node scripts/pr-comment.ts --report "$REPORT" --repo "$REPO"']);
    const download = stepUsing(all, 'actions/download-artifact');
    expect(all.indexOf(download)).toBeGreaterThan(indexOfRun(all, /^npm ci/));
    expect(download.with).toMatchObject({
      name: 'pr-report',
      path: '${{ runner.temp }}/pr-report',
      'run-id': '${{ github.event.workflow_run.id }}',
      'github-token': '${{ github.token }}',
    });
    const comment = all[indexOfRun(all, /pr-comment\.ts/)];
    expect(comment?.env).toEqual({
      REPORT: '${{ runner.temp }}/pr-report/report.json',
      REPO: '${{ github.repository }}',
      GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
    });
  });
});

describe('deploy.yml', () => {
  const deploy = workflow('deploy.yml');

  it('deploys every push to main, or on demand, one deployment at a time and never cancelled', () => {
    expect(triggers(deploy).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(deploy.on.push.branches).toEqual(['main']);
    expect(deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('builds for the Pages address, after the tests pass, and uploads dist', () => {
    const pages = steps('deploy.yml', 'pages');
    expect(pages.map((step) => step.uses?.split('@')[0])).toEqual(['actions/configure-pages']);
    expect(deploy.jobs.pages.outputs).toEqual({
      origin: '${{ steps.pages.outputs.origin }}',
      base_path: '${{ steps.pages.outputs.base_path }}',
    });
    expect(deploy.jobs.build.needs).toBe('pages');
    const build = steps('deploy.yml', 'build');
    expect(stepUsing(build, 'actions/checkout').with).toMatchObject({ 'fetch-depth': 0 });
    const test = indexOfRun(build, /^npm test$/);
    const buildSite = indexOfRun(build, /^npm run build$/);
    expect(test).toBeLessThan(buildSite);
    expect(build[buildSite]?.env).toEqual({
      HUB_SITE: '${{ needs.pages.outputs.origin }}',
      HUB_BASE: '${{ needs.pages.outputs.base_path }}',
    });
    const upload = stepUsing(build, 'actions/upload-pages-artifact');
    expect(upload.with?.path).toBe('dist');
    expect(build.indexOf(upload)).toBeGreaterThan(buildSite);
  });

  it('deploys from main only, in the github-pages environment, running no repository code', () => {
    const job = deploy.jobs.deploy;
    expect(job.needs).toBe('build');
    expect(job.if).toContain("github.ref == 'refs/heads/main'");
    expect(job.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(steps('deploy.yml', 'deploy').map((step) => [step.id, step.uses?.split('@')[0], step.run])).toEqual([
      ['deployment', 'actions/deploy-pages', undefined],
    ]);
  });
});

describe('freshness.yml', () => {
  const freshness = workflow('freshness.yml');

  it('runs weekly and on demand', () => {
    expect(triggers(freshness).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const [cron] = freshness.on.schedule.map((entry: { cron: string }) => entry.cron) as string[];
    const fields = (cron ?? '').split(/\s+/);
    expect(fields).toHaveLength(5);
    expect(fields[2]).toBe('*'); // any day of the month…
    expect(fields[4]).toMatch(/^[0-6]$/); // …on one day of the week
  });

  it('checks review dates and links from the default branch, with the token in env', () => {
    const all = steps('freshness.yml', 'freshness');
    expect(stepUsing(all, 'actions/checkout').with?.ref).toBe('${{ github.event.repository.default_branch }}');
    const run = all[indexOfRun(all, /freshness\.ts/)];
    expect(run?.run?.trim()).toBe('node scripts/freshness.ts --repo "$REPO" --check-links');
    expect(run?.env).toEqual({ REPO: '${{ github.repository }}', GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}' });
  });
});

describe('harvest.yml', () => {
  const harvest = workflow('harvest.yml');
  const harvestSteps = steps('harvest.yml', 'harvest');
  const prSteps = steps('harvest.yml', 'pull-requests');
  const harvestRun = () => harvestSteps[indexOfRun(harvestSteps, /npm run harvest\b/)] as Step;
  const prRun = () => prSteps[indexOfRun(prSteps, /harvest-pr\.ts/)] as Step;

  it('runs weekly and on demand, one run at a time, with an organisation and a dry run as optional inputs', () => {
    expect(triggers(harvest).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const [cron] = harvest.on.schedule.map((entry: { cron: string }) => entry.cron) as string[];
    const fields = (cron ?? '').split(/\s+/);
    expect(fields).toHaveLength(5);
    expect(fields[2]).toBe('*');
    expect(fields[4]).toMatch(/^[0-6]$/);
    expect(harvest.on.workflow_dispatch.inputs).toEqual({
      organisation: expect.objectContaining({ type: 'string', required: false, default: '' }),
      dry_run: expect.objectContaining({ type: 'boolean', required: false, default: false }),
    });
    expect(harvest.concurrency).toEqual({ group: 'harvest', 'cancel-in-progress': false });
  });

  it('fans both jobs out over the same shards, and gives each harvest its own --shard', () => {
    const shards = harvest.jobs.harvest.strategy.matrix.shard as number[];
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, index) => index + 1));
    expect(harvest.jobs['pull-requests'].strategy.matrix.shard).toEqual(shards);
    expect(harvestRun().run).toContain(`--shard "$SHARD/${shards.length}"`);
    expect(harvest.jobs.harvest.name).toContain(`of ${shards.length}`);
    expect(stepUsing(harvestSteps, 'actions/cache').with?.key).toContain(`-of-${shards.length}-`);
    expect(harvest.jobs.harvest.strategy['fail-fast']).toBe(false);
    // The writing job goes one shard at a time, within GitHub's limits on content-creating requests.
    expect(harvest.jobs['pull-requests'].strategy['max-parallel']).toBe(1);
  });

  it('harvests the default branch with a read-only token, the inputs only through env, and keeps the report with the records', () => {
    expect(harvest.jobs.harvest.permissions).toEqual({ contents: 'read' });
    expect(stepUsing(harvestSteps, 'actions/checkout').with?.ref).toBe('${{ github.event.repository.default_branch }}');
    const step = harvestRun();
    expect(step.env).toEqual({
      SHARD: '${{ matrix.shard }}',
      ORGANISATION: '${{ inputs.organisation }}',
      DRY_RUN: '${{ inputs.dry_run }}',
      GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
    });
    expect(step.run).toContain('"--organisation=$ORGANISATION"');
    expect(step.run).toContain('--format json');
    expect(step.run).toContain('npm run harvest --silent -- "${args[@]}" > harvest-report.json');
    const upload = stepUsing(harvestSteps, 'actions/upload-artifact');
    expect(upload.with?.name).toBe('harvest-${{ matrix.shard }}');
    expect(String(upload.with?.path).split('\n').filter(Boolean)).toEqual(['harvest-report.json', 'content/']);
    expect(harvestSteps.indexOf(upload)).toBeGreaterThan(harvestSteps.indexOf(step));
  });

  it('keeps .cache/harvest between runs, restored before the harvest, only in the job that cannot write', () => {
    const cache = stepUsing(harvestSteps, 'actions/cache');
    expect(cache.with?.path).toBe('.cache/harvest');
    expect(cache.with?.key).toContain('${{ github.run_id }}');
    expect(String(cache.with?.key).startsWith(String(cache.with?.['restore-keys']))).toBe(true);
    expect(harvestSteps.indexOf(cache)).toBeLessThan(harvestSteps.indexOf(harvestRun()));
    expect(prSteps.some((step) => step.uses?.startsWith('actions/cache'))).toBe(false);
  });

  it('opens the pull requests from the artifact, downloaded outside the workspace, with the App token when there is one', () => {
    const job = harvest.jobs['pull-requests'];
    expect(job.needs).toBe('harvest');
    expect(job.if).toContain('!cancelled()');
    expect(job.if).toContain('!inputs.dry_run');
    const download = stepUsing(prSteps, 'actions/download-artifact');
    expect(download.with).toEqual({ name: 'harvest-${{ matrix.shard }}', path: '${{ runner.temp }}/harvest' });
    const step = prRun();
    expect(step.run?.trim()).toBe('node scripts/harvest-pr.ts --report "$REPORT" --repo "$REPO" --content "$CONTENT"');
    expect(step.env).toEqual({
      REPO: '${{ github.repository }}',
      REPORT: '${{ runner.temp }}/harvest/harvest-report.json',
      CONTENT: '${{ runner.temp }}/harvest/content',
      GITHUB_TOKEN: '${{ steps.app-token.outputs.token || secrets.GITHUB_TOKEN }}',
    });
    const app = stepUsing(prSteps, 'actions/create-github-app-token');
    expect(app.id).toBe('app-token');
    expect(app.if).toContain("vars.HARVEST_APP_CLIENT_ID != ''");
    expect(app.with).toEqual({
      'client-id': '${{ vars.HARVEST_APP_CLIENT_ID }}',
      'private-key': '${{ secrets.HARVEST_APP_PRIVATE_KEY }}',
      'permission-contents': 'write',
      'permission-pull-requests': 'write',
    });
    expect(prSteps.indexOf(app)).toBeLessThan(prSteps.indexOf(step));
    expect(prSteps.indexOf(download)).toBeGreaterThan(indexOfRun(prSteps, /^npm ci/));
  });

  it('says in its header what a maintainer does for ci to run on its pull requests, and how to use a GitHub App instead', () => {
    const header = text('harvest.yml').split('\nname:')[0] ?? '';
    for (const words of [
      'Approve workflows to run',
      'close and reopen',
      'actions/create-github-app-token',
      'HARVEST_APP_CLIENT_ID',
      'HARVEST_APP_PRIVATE_KEY',
    ])
      expect(header).toContain(words);
  });
});

describe('.github/dependabot.yml', () => {
  const config = parse(readFileSync(join(ROOT, '.github/dependabot.yml'), 'utf8')) as Data;

  it('updates GitHub Actions and npm packages weekly, grouped, with a limit on open pull requests', () => {
    expect(config.version).toBe(2);
    const updates = config.updates as Data[];
    expect(updates.map((update) => update['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const update of updates) {
      expect(update.directory).toBe('/');
      expect(update.schedule.interval).toBe('weekly');
      expect(update['open-pull-requests-limit']).toBeGreaterThan(0);
      expect(update['open-pull-requests-limit']).toBeLessThanOrEqual(10);
      expect(Object.keys(update.groups ?? {}).length).toBeGreaterThan(0);
    }
  });
});

describe('pull request and issue templates', () => {
  it(
    'the pull request template asks what changes, for which organisation, ' + 'the contributor’s link to it, the checks and personal data',
    () => {
      const template = readFileSync(join(ROOT, '.github/pull_request_template.md'), 'utf8');
      for (const words of [
        'What this adds or changes',
        'Which organisation',
        'work for this organisation, or with it',
        'npm run validate',
        'personal data',
      ])
        expect(template).toContain(words);
    },
  );

  it('keeps blank issues, which the site’s prefilled "Report a problem" link needs, and links to how to contribute', () => {
    const config = parse(readFileSync(join(ROOT, '.github/ISSUE_TEMPLATE/config.yml'), 'utf8')) as Data;
    expect(config.blank_issues_enabled).toBe(true);
    expect(config.contact_links.length).toBeGreaterThan(0);
    for (const link of config.contact_links) {
      expect(link.url).toMatch(/^https:\/\/github\.com\/.+CONTRIBUTING\.md/);
      expect(link.name && link.about).toBeTruthy();
    }
  });

  it('the "Report a problem" template asks for what the site’s link fills in, with the same title and label', () => {
    const template = readFileSync(join(ROOT, '.github/ISSUE_TEMPLATE/report-a-problem.md'), 'utf8');
    const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(template) ?? [];
    const meta = parse(frontMatter) as Data;
    const link = new URL(
      reportProblemUrl(
        { repository: 'owner/name', branch: 'main' },
        { title: 'PAGE TITLE', url: 'https://example.org/page/', file: 'content/a.md' },
      ),
    );
    expect(meta.labels).toBe(link.searchParams.get('labels'));
    expect(meta.title).toBe(link.searchParams.get('title'));
    const linkBody = link.searchParams.get('body') ?? '';
    for (const label of ['Page:', 'File:', 'What is wrong, and what should it say?']) {
      expect(linkBody).toContain(label);
      expect(body).toContain(label);
    }
  });
});
