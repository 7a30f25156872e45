/**
 * .github/workflows/issue-to-pr.yml as data, beyond the security rules every workflow keeps
 * (tests/workflows/): when it runs, what it checks out, and that the issue's text reaches the script only
 * through the event file, never through the workflow's own text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkWorkflow, POLICY } from '../workflows/rules.ts';
import { ROOT } from './helpers.ts';

// Parsed YAML is untyped; read as plain data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

const text = readFileSync(join(ROOT, '.github/workflows/issue-to-pr.yml'), 'utf8');
const workflow = parse(text) as Data;
const job = workflow.jobs['issue-to-pr'];
const steps = job.steps as Data[];

describe('issue-to-pr.yml', () => {
  it('keeps every security rule, with the permissions its allow-list entry gives', () => {
    const npmScripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(checkWorkflow(text, { root: ROOT, npmScripts })).toEqual([]);
    expect(workflow.permissions).toEqual({});
    expect(job.permissions).toEqual(POLICY['issue-to-pr']!['issue-to-pr']!.permissions);
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'write' });
    expect(job['timeout-minutes']).toBeLessThanOrEqual(10);
  });

  it('runs when an issue is opened, edited or labelled, only for issues with the new-record label, one run per issue at a time', () => {
    expect(Object.keys(workflow.on)).toEqual(['issues']);
    expect(workflow.on.issues.types).toEqual(['opened', 'edited', 'labeled']);
    expect(job.if).toContain("contains(github.event.issue.labels.*.name, 'new-record')");
    expect(job.if).toContain('!github.event.issue.pull_request');
    expect(job.if).toContain("github.event.action != 'labeled' || github.event.label.name == 'new-record'");
    expect(job.concurrency).toEqual({ group: 'issue-to-pr-${{ github.event.issue.number }}', 'cancel-in-progress': false });
    expect(workflow.concurrency).toBeUndefined();
  });

  it(
    'checks out the default branch without keeping the token, ' + 'installs without a cache, and passes the issue only as the event file',
    () => {
      const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'));
      expect(checkout.with).toEqual({ ref: '${{ github.event.repository.default_branch }}', 'persist-credentials': false });
      const setup = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
      expect(setup.with).toEqual({ 'node-version-file': '.nvmrc', 'package-manager-cache': false });
      const runs = steps.filter((step) => typeof step.run === 'string');
      expect(runs.map((step) => step.run.trim())).toEqual(['npm ci --no-audit --no-fund', 'node scripts/issue-to-pr.ts --repo "$REPO"']);
      expect(runs[1].env).toEqual({ REPO: '${{ github.repository }}', GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}' });
      // Nothing of the issue (title, body, labels' text) is written into the workflow's steps.
      expect(JSON.stringify(steps)).not.toMatch(/github\.event\.issue\.(body|title)|github\.event\.comment/);
    },
  );

  it('uses the same action pins as the other workflows', () => {
    const ci = readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8');
    for (const action of ['actions/checkout', 'actions/setup-node']) {
      const pin = new RegExp(`uses: (${action}@[0-9a-f]{40} # v[\\d.]+)`);
      expect(pin.exec(text)?.[1]).toBe(pin.exec(ci)?.[1]);
    }
  });
});
