/**
 * The security rules every GitHub Actions workflow in .github/workflows must keep, as one pure check:
 * checkWorkflow(text) returns every breach, each with the rule it breaks and a sentence saying what to do.
 * workflows.test.ts runs it on the real workflows, and on the fixtures in tests/fixtures/workflows/
 * (one broken workflow per rule) to prove that every rule fires.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isScalar, parseDocument, visit } from 'yaml';

export const RULES = {
  yaml: 'the file is valid YAML without duplicate keys',
  pinned: 'every third-party action is pinned to a full 40-character commit SHA',
  'version-comment': 'every pinned action has its release in a comment (# v1.2.3) on the same line',
  'top-permissions': 'the workflow sets `permissions: {}` at the top, so no job inherits anything',
  'job-permissions': 'every job declares its own permissions',
  'broad-permissions': 'no `write-all` or `read-all`',
  'least-privilege': 'each job has exactly the permissions its entry in the allow-list (POLICY) gives it',
  'pull-request-target': 'no workflow runs on `pull_request_target`',
  injection: 'no untrusted value (github.event.*, github.head_ref, inputs, outputs, env, secrets, matrix) is written into `run:` text',
  'persist-credentials': 'every actions/checkout has `persist-credentials: false`',
  'unsafe-checkout': 'no actions/checkout opts in to `allow-unsafe-pr-checkout`',
  'untrusted-checkout': 'no checkout of a pull request head; a workflow_run workflow checks out the default branch',
  'artifact-outside-workspace': 'a workflow_run workflow downloads artifacts into ${{ runner.temp }}, outside the code',
  'secrets-on-pull-request': 'a workflow that runs on pull_request uses no secrets',
  'pages-concurrency': 'a workflow that deploys to Pages is in the `pages` concurrency group and never cancels a deployment',
  'cache-in-privileged-job':
    'a job that can write, or runs on workflow_run, restores no cache (setup-node with `package-manager-cache: false`, no actions/cache)',
  timeout: 'every job has timeout-minutes, within its budget',
  'script-exists': 'every `node scripts/…` a workflow runs exists',
  'npm-script-exists': 'every `npm run …` a workflow runs is a script in package.json',
} as const;

export type Rule = keyof typeof RULES;

export interface Violation {
  rule: Rule;
  /** Where: "jobs.check", "jobs.check.steps[2]" or "line 14". */
  where: string;
  message: string;
}

type Level = 'read' | 'write';

export interface JobPolicy {
  /** Exactly these permissions, each with the reason it is needed. */
  permissions: Record<string, Level>;
  /** The longest timeout-minutes the job may set (default DEFAULT_MAX_TIMEOUT). */
  maxTimeout?: number;
}

/** Workflow `name:` → job id → what the job may hold. A job that is not listed may hold nothing. */
export type Policy = Record<string, Record<string, JobPolicy>>;

export const DEFAULT_MAX_TIMEOUT = 60;

/**
 * The allow-list. Adding a permission here is a security decision: say why next to it.
 */
export const POLICY: Policy = {
  ci: {
    // Runs the pull request's code: read the repository, nothing else. 15 minutes is the CI budget.
    check: { permissions: { contents: 'read' }, maxTimeout: 15 },
  },
  check: {
    // Runs the pull request's code to validate it and write the report: read the repository, nothing
    // else. It exists to be fast: 10 minutes means something is stuck.
    check: { permissions: { contents: 'read' }, maxTimeout: 10 },
  },
  'pr-comment': {
    comment: {
      permissions: {
        contents: 'read', // check out the default branch
        actions: 'read', // download the artifact of the check run that triggered it
        'pull-requests': 'write', // comment on the pull request (the issues API accepts this for a PR)
      },
    },
  },
  deploy: {
    pages: { permissions: { pages: 'read' } }, // configure-pages reads the Pages site's address
    build: { permissions: { contents: 'read' } },
    deploy: { permissions: { pages: 'write', 'id-token': 'write' } }, // deploy-pages: Pages write and an OIDC token
  },
  freshness: {
    freshness: { permissions: { contents: 'read', issues: 'write' } }, // read content, open or update issues
  },
  'issue-to-pr': {
    // Runs the default branch's code only; the issue's text is read as data from the event and the API.
    'issue-to-pr': {
      permissions: {
        contents: 'write', // create the branch contribution/issue-<n> and commit the record file to it
        'pull-requests': 'write', // open the pull request, update it and list its files when the issue is edited
        issues: 'write', // comment on the issue and set its labels
      },
      maxTimeout: 10,
    },
  },
  harvest: {
    // Reads what councils publish (their public repositories through the API, their portals) and writes
    // records into its own checkout only; the token reads.
    harvest: { permissions: { contents: 'read' } },
    // Runs the default branch's code on the harvest's artifact, read as data.
    'pull-requests': {
      permissions: {
        contents: 'write', // create or reset the branch harvest/<organisation> and commit the harvested files to it
        'pull-requests': 'write', // open the pull request, list its files, update its title and text
      },
      maxTimeout: 30,
    },
  },
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

const SHA = /^[0-9a-f]{40}$/;
const VERSION_COMMENT = /#\s*v?\d+(?:\.\d+)*\b/;
const UNTRUSTED_IN_RUN: RegExp[] = [
  /\bgithub\s*\.\s*event\b/i, // github.event.* (github.event_name and github.event_path are safe: no \b before _)
  /\bgithub\s*\[\s*['"]event['"]\s*\]/i,
  /\bgithub\s*\.\s*head_ref\b/i,
  /\binputs\s*[.[]/i,
  /\bsteps\s*[.[]/i,
  /\bneeds\s*[.[]/i,
  /\benv\s*[.[]/i,
  /\bsecrets\s*[.[]/i,
  /\bmatrix\s*[.[]/i,
];
const PR_HEAD = /workflow_run\s*\.\s*head_|pull_request\s*\.\s*head\b|head_ref|refs\/pull\//i;
const DEFAULT_BRANCH_REF = /^\$\{\{\s*github\.event\.repository\.default_branch\s*\}\}$/;
const RUNNER_TEMP = /^\$\{\{\s*runner\.temp\s*\}\}(?:\/|$)/;

function isObject(value: Json | undefined): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expressions(text: string): string[] {
  return [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((match) => match[1] ?? '');
}

function action(uses: string): string {
  return uses.split('@')[0] ?? uses;
}

/** The events a workflow runs on, whichever of the three forms `on:` takes. */
export function triggers(workflow: JsonMap): string[] {
  const on = workflow.on;
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((event): event is string => typeof event === 'string');
  if (isObject(on)) return Object.keys(on);
  return [];
}

function allStrings(value: Json, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) for (const item of value) allStrings(item, found);
  else if (isObject(value)) for (const item of Object.values(value)) allStrings(item, found);
  return found;
}

function permissionMap(value: Json | undefined): Record<string, string> | undefined {
  if (!isObject(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, level]) => level !== 'none')
      .map(([scope, level]) => [scope, String(level)]),
  );
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}

function listPermissions(map: Record<string, string>): string {
  const entries = Object.entries(map);
  return entries.length ? entries.map(([scope, level]) => `${scope}: ${level}`).join(', ') : 'nothing';
}

function isPagesConcurrency(value: Json | undefined): boolean {
  return isObject(value) && value.group === 'pages' && value['cancel-in-progress'] === false;
}

export interface CheckOptions {
  /** The repository root, to look for scripts and package.json. */
  root: string;
  /** The package.json scripts. */
  npmScripts: Record<string, string>;
  policy?: Policy;
}

/** Every breach of the rules in one workflow file's text. */
export function checkWorkflow(text: string, options: CheckOptions): Violation[] {
  const policy = options.policy ?? POLICY;
  const violations: Violation[] = [];
  const breach = (rule: Rule, where: string, message: string) => violations.push({ rule, where, message });

  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    for (const error of document.errors) breach('yaml', 'file', error.message);
    return violations;
  }
  const parsed = document.toJS() as Json;
  if (!isObject(parsed)) {
    breach('yaml', 'file', 'A workflow must be a mapping with name, on, permissions and jobs.');
    return violations;
  }
  const workflow = parsed;
  const name = typeof workflow.name === 'string' ? workflow.name : '(no name)';
  const events = triggers(workflow);
  const jobs = isObject(workflow.jobs) ? workflow.jobs : {};

  // Pins, from every `uses:` in the document; the release comment from the raw line, since comments
  // are not data.
  const lines = text.split('\n');
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== 'uses' || !isScalar(pair.value) || typeof pair.value.value !== 'string') return;
      const uses = pair.value.value;
      const line = text.slice(0, pair.value.range?.[0] ?? 0).split('\n').length;
      const where = `line ${line}`;
      if (uses.startsWith('./')) return;
      if (uses.startsWith('docker://')) {
        if (!/@sha256:[0-9a-f]{64}$/.test(uses)) breach('pinned', where, `${uses} must be pinned to an image digest (@sha256:…).`);
        return;
      }
      const ref = uses.split('@')[1] ?? '';
      if (!SHA.test(ref)) {
        breach(
          'pinned',
          where,
          `${uses} is not pinned to a commit: write ${action(uses)}@<40-character SHA> # <release>, ` +
            `so a moved tag cannot change what runs.`,
        );
        return;
      }
      const rawLine = lines[line - 1] ?? '';
      const afterValue = rawLine.slice(rawLine.indexOf(ref) + ref.length);
      if (!VERSION_COMMENT.test(afterValue)) {
        breach(
          'version-comment',
          where,
          `${uses} has no release in a comment: add "# v1.2.3" after it, so people and Dependabot can read which release it is.`,
        );
      }
    },
  });

  // Permissions at the top.
  const top = workflow.permissions;
  if (top === 'write-all' || top === 'read-all')
    breach(
      'broad-permissions',
      'permissions',
      `The workflow grants ${top}: set permissions: {} at the top and give each job only what it needs.`,
    );
  else if (!isObject(top) || Object.keys(top).length > 0) {
    breach(
      'top-permissions',
      'permissions',
      'Set `permissions: {}` at the top of the workflow, so that a job without its own permissions gets none, and give each job its own.',
    );
  }

  if (events.includes('pull_request_target')) {
    breach(
      'pull-request-target',
      'on',
      'pull_request_target runs with a write token and secrets next to the pull request: ' +
        'use pull_request, and comment from a workflow_run workflow (see pr-comment.yml).',
    );
  }

  if (events.includes('pull_request')) {
    const withSecrets = allStrings(workflow).some((value) => expressions(value).some((expression) => /\bsecrets\b/i.test(expression)));
    if (withSecrets)
      breach('secrets-on-pull-request', 'file', 'A workflow that runs on pull_request runs the pull request’s code: give it no secrets.');
  }

  const privileged = events.includes('workflow_run');

  for (const [jobId, jobValue] of Object.entries(jobs)) {
    const jobWhere = `jobs.${jobId}`;
    if (!isObject(jobValue)) {
      breach('yaml', jobWhere, 'A job must be a mapping.');
      continue;
    }
    const job = jobValue;

    // Permissions of the job.
    const allowed = policy[name]?.[jobId];
    if (!('permissions' in job)) {
      breach(
        'job-permissions',
        jobWhere,
        `Job ${jobId} declares no permissions: give it exactly what it needs ` +
          `(${allowed ? listPermissions(allowed.permissions) : 'and add it to POLICY in tests/workflows/rules.ts'}).`,
      );
    } else if (job.permissions === 'write-all' || job.permissions === 'read-all') {
      breach('broad-permissions', jobWhere, `Job ${jobId} has ${job.permissions}: list each permission it needs instead.`);
    } else {
      const granted = permissionMap(job.permissions);
      if (!granted) breach('job-permissions', jobWhere, `Job ${jobId}: permissions must be a mapping of scope to read or write.`);
      else if (!allowed) {
        if (Object.keys(granted).length > 0)
          breach(
            'least-privilege',
            jobWhere,
            `Job ${jobId} of workflow "${name}" is not in the allow-list (POLICY in tests/workflows/rules.ts), ` +
              `so it may hold nothing; it asks for ${listPermissions(granted)}.`,
          );
      } else if (!sameMap(granted, allowed.permissions)) {
        breach(
          'least-privilege',
          jobWhere,
          `Job ${jobId} of workflow "${name}" asks for ${listPermissions(granted)}; ` +
            `the allow-list gives it ${listPermissions(allowed.permissions)}.`,
        );
      }
    }

    // Caches: one written by a less trusted run (a pull request's, say) must never reach a job holding a
    // write token or running beside another run's artifact.
    const canWrite = job.permissions === 'write-all' || Object.values(permissionMap(job.permissions) ?? {}).includes('write');
    if (canWrite || privileged) {
      (Array.isArray(job.steps) ? job.steps : []).forEach((step, index) => {
        if (!isObject(step) || typeof step.uses !== 'string') return;
        const inputs = isObject(step.with) ? step.with : {};
        const why = canWrite ? 'it holds a write token' : "it runs on workflow_run, beside another run's artifact";
        if (action(step.uses).startsWith('actions/cache')) {
          breach(
            'cache-in-privileged-job',
            `${jobWhere}.steps[${index}]`,
            `Job ${jobId} restores a cache, and ${why}: install from the lock file instead (npm ci).`,
          );
        } else if (
          action(step.uses) === 'actions/setup-node' &&
          (inputs.cache !== undefined || (inputs['package-manager-cache'] !== false && inputs['package-manager-cache'] !== 'false'))
        ) {
          breach(
            'cache-in-privileged-job',
            `${jobWhere}.steps[${index}]`,
            `Job ${jobId}'s setup-node may restore npm's cache, and ${why}: remove \`cache:\` and set \`package-manager-cache: false\`.`,
          );
        }
      });
    }

    // Timeout (a job that calls a reusable workflow cannot set one: the called jobs do).
    if (typeof job.uses !== 'string') {
      const limit = allowed?.maxTimeout ?? DEFAULT_MAX_TIMEOUT;
      const timeout = job['timeout-minutes'];
      if (typeof timeout !== 'number' || timeout <= 0)
        breach('timeout', jobWhere, `Job ${jobId} has no timeout-minutes: set one (at most ${limit}), or a stuck job runs for 6 hours.`);
      else if (timeout > limit) breach('timeout', jobWhere, `Job ${jobId} allows ${timeout} minutes; its budget is ${limit}.`);
    }

    // Steps.
    const steps = Array.isArray(job.steps) ? job.steps : [];
    const deploysPages = steps.some(
      (step) => isObject(step) && typeof step.uses === 'string' && action(step.uses) === 'actions/deploy-pages',
    );
    if (deploysPages && !isPagesConcurrency(workflow.concurrency) && !isPagesConcurrency(job.concurrency)) {
      breach(
        'pages-concurrency',
        jobWhere,
        'A Pages deployment must run in `concurrency: { group: pages, cancel-in-progress: false }`: ' +
          'one at a time, and never cancelled half way.',
      );
    }

    steps.forEach((stepValue, index) => {
      const where = `${jobWhere}.steps[${index}]`;
      if (!isObject(stepValue)) return;
      const step = stepValue;
      const uses = typeof step.uses === 'string' ? step.uses : '';
      const inputs = isObject(step.with) ? step.with : {};

      const shellTexts: string[] = [];
      if (typeof step.run === 'string') shellTexts.push(step.run);
      if (action(uses) === 'actions/github-script' && typeof inputs.script === 'string') shellTexts.push(inputs.script);
      for (const shellText of shellTexts) {
        for (const expression of expressions(shellText)) {
          if (UNTRUSTED_IN_RUN.some((pattern) => pattern.test(expression))) {
            breach(
              'injection',
              where,
              `\${{${expression}}} is written into the script text, ` +
                `where a crafted value becomes code: pass it through env: and use "$NAME".`,
            );
          }
        }
      }

      if (typeof step.run === 'string') {
        for (const match of step.run.matchAll(/\bnode\s+(?:--\S+\s+)*((?:\.\/)?scripts\/[^\s"'`;|&)]+\.(?:ts|mts|js|mjs))/g)) {
          const script = (match[1] ?? '').replace(/^\.\//, '');
          if (!existsSync(join(options.root, script))) breach('script-exists', where, `${script} does not exist in the repository.`);
        }
        for (const match of step.run.matchAll(/\bnpm\s+(?:run(?:-script)?\s+([A-Za-z0-9:_.-]+)|(test|start)\b)/g)) {
          const script = match[1] ?? match[2] ?? '';
          if (!(script in options.npmScripts))
            breach('npm-script-exists', where, `npm run ${script}: package.json has no script "${script}".`);
        }
      }

      if (action(uses) === 'actions/checkout') {
        const persist = inputs['persist-credentials'];
        if (persist !== false && persist !== 'false') {
          breach(
            'persist-credentials',
            where,
            'actions/checkout leaves the token in .git/config unless told not to: add `persist-credentials: false`.',
          );
        }
        const unsafe = inputs['allow-unsafe-pr-checkout'];
        if (unsafe === true || unsafe === 'true')
          breach('unsafe-checkout', where, 'Never allow checking out a fork’s pull request in a privileged workflow.');
        const ref = typeof inputs.ref === 'string' ? inputs.ref : '';
        const repository = typeof inputs.repository === 'string' ? inputs.repository : '';
        if (PR_HEAD.test(ref) || PR_HEAD.test(repository)) {
          breach(
            'untrusted-checkout',
            where,
            `Checks out the pull request’s code (${ref || repository}): run untrusted code only in the read-only pull_request workflow.`,
          );
        } else if (privileged && !DEFAULT_BRANCH_REF.test(ref.trim())) {
          breach(
            'untrusted-checkout',
            where,
            'A workflow_run workflow holds a write token: check out `ref: ${{ github.event.repository.default_branch }}` and nothing else.',
          );
        }
      }

      if (privileged && action(uses) === 'actions/download-artifact') {
        const path = typeof inputs.path === 'string' ? inputs.path.trim() : '';
        if (!RUNNER_TEMP.test(path)) {
          breach(
            'artifact-outside-workspace',
            where,
            'Download the other run’s artifact into ${{ runner.temp }}/…: ' +
              'in the workspace, its files could replace the code that runs next.',
          );
        }
      }
    });
  }

  return violations;
}

/** The rules a fixture says it breaks, from its first line: `# breaks: rule, rule`. */
export function declaredBreaches(text: string): Rule[] {
  const match = /^#\s*breaks:\s*(.+)$/m.exec(text);
  return (match?.[1] ?? '')
    .split(',')
    .map((rule) => rule.trim())
    .filter((rule): rule is Rule => rule in RULES);
}
