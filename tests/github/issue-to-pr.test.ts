/**
 * scripts/issue-to-pr.ts against a fake GitHub: a valid issue form becomes a branch, a file the real
 * validator accepts, a pull request that closes the issue and a comment linking it; an invalid one gets
 * one comment (kept up to date) listing each problem in plain English, and no branch; later edits
 * update the same comment, then the same pull request, never a second one; hostile text is escaped or
 * refused; issues without the label cost no request; rate limits and server errors are retried; a
 * missing issue or repository is explained with exit code 1.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../scripts/issue-to-pr.ts';
import { BREAK } from '../../src/lib/github/markdown.ts';
import { CONFIRM_OPTION, issueFormDefinition } from '../../src/lib/github/issue-form.ts';
import { ISSUE_COMMENT_MARKER, IssueToPrError, NEEDS_CHANGES_LABEL, PULL_REQUEST_LABEL } from '../../src/lib/github/issue-to-pr.ts';
import { BOT, FakeGitHub, TOKEN, type Issue } from './fake-github.ts';
import { githubContent, removeTemp, ROOT, runScript, tempDir } from './helpers.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/github/issues');
const VALID = readFileSync(join(FIXTURES, 'roadmap-valid.md'), 'utf8');
const INVALID = readFileSync(join(FIXTURES, 'roadmap-invalid.md'), 'utf8');
const AUTHOR = { login: 'westmere-lead', type: 'User' as const, id: 4242 };
const BRANCH_OF = (issue: Issue) => `contribution/issue-${issue.number}`;
const FILE = 'content/roadmap/westmere-digital/pothole-photos.md';

let fake: FakeGitHub;
let content: string;
let lines: string[];

beforeEach(async () => {
  fake = await FakeGitHub.start('council-commons/hub');
  fake.commit({ 'README.md': '# The hub\n', 'content/README.md': 'Content.\n' });
  ({ content } = githubContent());
  lines = [];
});
afterEach(() => fake.close());
afterAll(removeTemp);

function env(eventFile: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: fake.url,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: 'issues',
    HUB_RETRY_DELAY_MS: '5',
    HUB_WRITE_INTERVAL_MS: '0',
    HUB_MAX_WAIT_MS: '5000',
    ...extra,
  };
}

function newIssue(body: string, labels = ['new-record', 'roadmap']): Issue {
  return fake.addIssue({ title: 'New roadmap item: Pothole reporting', body, labels: [...labels], user: AUTHOR });
}

/** The event file GitHub would write for this issue as it is now. */
function eventFile(issue: Issue, action = 'opened', label?: string): string {
  const file = join(tempDir(), 'event.json');
  const event = {
    action,
    issue: {
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      labels: issue.labels.map((name, index) => ({ id: index + 1, name })),
      user: { login: issue.user.login, id: issue.user.id, type: issue.user.type },
    },
    ...(label ? { label: { name: label } } : {}),
    repository: { full_name: fake.repository, default_branch: 'main' },
    sender: { login: issue.user.login, type: issue.user.type },
  };
  writeFileSync(file, JSON.stringify(event));
  return file;
}

async function run(issue: Issue, action = 'opened', label?: string): Promise<number> {
  return main(['--repo', fake.repository, '--content', content], env(eventFile(issue, action, label)), (line) => lines.push(line));
}

const ours = (issue: Issue) =>
  fake.commentsOn(issue.number).filter((comment) => comment.user.login === BOT.login && comment.body.startsWith(ISSUE_COMMENT_MARKER));
// Octokit sends a contents path with its slashes encoded (%2F), which GitHub accepts.
const writes = () => fake.writes().map((request) => `${request.method} ${decodeURIComponent(request.path)}`);
const pullsFor = (issue: Issue) => fake.pullsList().filter((pull) => pull.head.ref === BRANCH_OF(issue));

/** Runs the real validator on a content folder with one more file in it. */
async function validates(path: string, text: string): Promise<{ status: number | null; stdout: string }> {
  const { dir, content: copy } = githubContent();
  const target = join(dir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  const run = await runScript('scripts/validate.ts', ['--content', copy]);
  return { status: run.status, stdout: run.stdout + run.stderr };
}

/** Markdown with code spans taken out: what GitHub would interpret. */
function outsideCode(markdown: string): string {
  return markdown.replace(ISSUE_COMMENT_MARKER, '').replace(/(`+)[\s\S]*?\1/g, '');
}

describe('a valid issue form', () => {
  it('becomes a branch, a file that passes the validator, a pull request closing the issue, and a comment linking it', async () => {
    const issue = newIssue(VALID);
    expect(await run(issue)).toBe(0);

    // The branch, from main, with the one new file.
    const branch = BRANCH_OF(issue);
    const files = fake.filesOn(branch)!;
    expect(fake.diff('main', branch).map((file) => [file.filename, file.status])).toEqual([[FILE, 'added']]);
    const text = files.get(FILE)!;
    expect(text).toMatch(/^---\ntitle: Pothole reporting with photos\n/);
    expect(text).toContain('services: [530]\nthemes: [waste-and-recycling, payments]\nstart: 2026-03\nend: 2026-11\n');
    expect(text).toContain('looking_for: [partners, testers]\n');
    expect(text).toContain('  - title: Alpha show and tell\n    url: https://westmere.example/blog/potholes\n');
    // A heading inside the text that matches a form label stays in the text.
    expect(text).toContain(
      '---\n\n## What we are doing\n\nA reporting form that takes a **photo** and a pin on the map.\n\n' +
        '### Summary\n\nOur own summary heading inside the text, which must stay in the text.\n',
    );
    const checked = await validates(FILE, text);
    expect(checked.stdout).toContain('no errors');
    expect(checked.status).toBe(0);

    // The commit credits the issue's author.
    const put = fake.requests.find((request) => request.method === 'PUT')!;
    expect((put.body as { message: string; branch: string }).branch).toBe(branch);
    expect((put.body as { message: string }).message).toContain(
      'Co-authored-by: westmere-lead <4242+westmere-lead@users.noreply.github.com>',
    );

    // The pull request.
    const [pull] = pullsFor(issue);
    expect(pull).toBeDefined();
    expect(pull!.base).toBe('main');
    expect(pull!.title).toBe('Westmere Digital: Pothole reporting with photos (roadmap item)');
    expect(pull!.body).toMatch(new RegExp(`^Closes #${issue.number}\n`));
    expect(pull!.body).toContain(`Shared by @westmere-lead through the issue form in #${issue.number}.`);
    expect(pull!.body).toContain('@westmere-lead is listed among Westmere Digital’s maintainers.');
    expect(pull!.body).toContain('Approve workflows to run');
    expect(pull!.body).toContain(`\`${FILE}\``);

    // One comment linking it, and the labels.
    const [comment] = ours(issue);
    expect(ours(issue)).toHaveLength(1);
    expect(comment!.body).toContain('## ✅ Pull request opened');
    expect(comment!.body).toContain(`your roadmap item is now pull request #${pull!.number}.`);
    expect(issue.labels).toEqual(['new-record', 'roadmap', PULL_REQUEST_LABEL]);
    expect(writes()).toEqual([
      'POST /repos/council-commons/hub/git/refs',
      `PUT /repos/council-commons/hub/contents/${FILE}`,
      'POST /repos/council-commons/hub/pulls',
      `POST /repos/council-commons/hub/issues/${issue.number}/comments`,
      `POST /repos/council-commons/hub/issues/${issue.number}/labels`,
    ]);
    expect(lines.at(-1)).toBe(`Opened pull request #${pull!.number} for issue #${issue.number} (${FILE}).`);
  });

  it('writes nothing when run again on the same answers (opened, then labeled)', async () => {
    const issue = newIssue(VALID);
    await run(issue);
    const before = fake.writes().length;
    expect(await run(issue, 'labeled', 'new-record')).toBe(0);
    expect(fake.writes()).toHaveLength(before);
    expect(pullsFor(issue)).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/already has issue #\d+'s answers/);
  });

  it('turns a dataset form into a YAML file that passes the validator', async () => {
    const issue = newIssue(readFileSync(join(FIXTURES, 'datasets-valid.md'), 'utf8'), ['new-record', 'datasets']);
    expect(await run(issue)).toBe(0);
    const path = 'content/datasets/northbrook-makers/community-room-bookings.yaml';
    const text = fake.filesOn(BRANCH_OF(issue))!.get(path)!;
    expect(text).toContain(
      'distributions:\n  - url: https://data.northbrook.example/rooms.csv\n    format: CSV\n    media_type: text/csv\n' +
        '  - url: https://data.northbrook.example/api/rooms\n    format: API\n    title: Live bookings\n',
    );
    expect((await validates(path, text)).status).toBe(0);
    expect(pullsFor(issue)[0]!.title).toBe('Northbrook Makers: Community room bookings (dataset)');
  });

  it('opens the pull request with the validator’s warnings listed as worth checking', async () => {
    const issue = newIssue(VALID.replace('### Review by\n\n_No response_', '### Review by\n\n2020-01-31'));
    expect(await run(issue)).toBe(0);
    expect(pullsFor(issue)).toHaveLength(1);
    const body = ours(issue)[0]!.body;
    expect(body).toContain('Worth checking (these do not stop it):');
    expect(body).toContain('- **Review by**: This roadmap item was due for review on 2020\\-01\\-31');
  });
});

describe('an invalid issue form', () => {
  it('gets one comment naming each problem in plain English, the needs-changes label, and no branch', async () => {
    const issue = newIssue(INVALID);
    expect(await run(issue)).toBe(0);
    expect(fake.branches.has(BRANCH_OF(issue))).toBe(false);
    expect(fake.pullsList()).toHaveLength(0);
    const [comment] = ours(issue);
    expect(ours(issue)).toHaveLength(1);
    const body = comment!.body;
    expect(body).toContain('## Some answers need changing');
    expect(body).toContain('please fix these 3 things:');
    expect(body).toContain(
      '- **Organisation**: There is no organisation `westmere-digtal` on the hub\\. ' +
        'Did you mean `westmere-digital`\\? Write your organisation’s id',
    );
    expect(body).toContain('- **Title**: This is required\\, and it is empty\\.');
    expect(body).toContain('- **Start**: You wrote `2026-13`\\; it should be a month written as YYYY\\-MM\\, e\\.g\\. 2026\\-04\\.');
    // In the form's order, then how to fix them.
    expect(body.indexOf('**Organisation**')).toBeLessThan(body.indexOf('**Title**'));
    expect(body.indexOf('**Title**')).toBeLessThan(body.indexOf('**Start**'));
    expect(body).toContain('edit this issue');
    expect(body).toContain('The check runs again by itself');
    expect(issue.labels).toContain(NEEDS_CHANGES_LABEL);
    expect(writes()).toEqual([
      `POST /repos/council-commons/hub/issues/${issue.number}/comments`,
      `POST /repos/council-commons/hub/issues/${issue.number}/labels`,
    ]);
  });

  it('updates the same comment when the issue is edited, then opens the pull request once it is fixed', async () => {
    const issue = newIssue(INVALID);
    await run(issue);
    const first = ours(issue)[0]!;

    // Partly fixed: the title is written, the rest is still wrong.
    issue.body = INVALID.replace('### Title\n\n_No response_', '### Title\n\nPothole reporting with photos');
    expect(await run(issue, 'edited')).toBe(0);
    expect(ours(issue)).toHaveLength(1);
    expect(ours(issue)[0]!.id).toBe(first.id);
    expect(ours(issue)[0]!.body).toContain('please fix these 2 things:');
    expect(ours(issue)[0]!.body).not.toContain('**Title**');
    expect(fake.pullsList()).toHaveLength(0);

    // Fixed.
    issue.body = issue.body.replace('westmere-digtal', 'westmere-digital').replace('2026-13', '2026-03');
    expect(await run(issue, 'edited')).toBe(0);
    expect(pullsFor(issue)).toHaveLength(1);
    expect(ours(issue)).toHaveLength(1);
    expect(ours(issue)[0]!.id).toBe(first.id);
    expect(ours(issue)[0]!.body).toContain(`## ✅ Pull request opened`);
    expect(issue.labels).not.toContain(NEEDS_CHANGES_LABEL);
    expect(issue.labels).toContain(PULL_REQUEST_LABEL);
    expect(fake.filesOn(BRANCH_OF(issue))!.get(FILE)).toContain('start: 2026-03');
  });
});

describe('an edit after the pull request is open', () => {
  it('updates the file on the branch and keeps the one pull request', async () => {
    const issue = newIssue(VALID);
    await run(issue);
    const [pull] = pullsFor(issue);
    issue.body = VALID.replace('### Status\n\nalpha', '### Status\n\nbeta');
    expect(await run(issue, 'edited')).toBe(0);
    expect(pullsFor(issue)).toHaveLength(1);
    expect(fake.filesOn(BRANCH_OF(issue))!.get(FILE)).toContain('status: beta');
    const update = fake.requests.filter((request) => request.method === 'PUT').at(-1)!;
    expect((update.body as { sha?: string }).sha).toMatch(/^[0-9a-f]{40}$/);
    expect(ours(issue)).toHaveLength(1);
    expect(ours(issue)[0]!.body).toContain('## ✅ Pull request updated');
    expect(ours(issue)[0]!.body).toContain(`pull request #${pull!.number} now has this issue’s latest answers`);
  });

  it('moves the file when the file name changes, so the pull request still adds one file', async () => {
    const issue = newIssue(VALID);
    await run(issue);
    issue.body = VALID.replace('### File name\n\npothole-photos', '### File name\n\npothole-photo-reports');
    expect(await run(issue, 'edited')).toBe(0);
    expect(pullsFor(issue)).toHaveLength(1);
    expect(fake.diff('main', BRANCH_OF(issue)).map((file) => file.filename)).toEqual([
      'content/roadmap/westmere-digital/pothole-photo-reports.md',
    ]);
    expect(writes().filter((write) => write.startsWith('DELETE'))).toEqual([`DELETE /repos/council-commons/hub/contents/${FILE}`]);
  });

  it('keeps the pull request’s last good version when an edit breaks an answer, and says so', async () => {
    const issue = newIssue(VALID);
    await run(issue);
    const [pull] = pullsFor(issue);
    const good = fake.filesOn(BRANCH_OF(issue))!.get(FILE);
    issue.body = VALID.replace('### Start\n\n2026-03', '### Start\n\nMarch 2026');
    expect(await run(issue, 'edited')).toBe(0);
    expect(fake.filesOn(BRANCH_OF(issue))!.get(FILE)).toBe(good);
    expect(ours(issue)).toHaveLength(1);
    expect(ours(issue)[0]!.body).toContain(
      '- **Start**: You wrote `March 2026`\\; it should be a month written as YYYY\\-MM\\, e\\.g\\. 2026\\-04\\. Write 2026\\-03\\.',
    );
    expect(ours(issue)[0]!.body).toContain(`Pull request #${pull!.number} keeps the last version that passed the checks`);
    expect(issue.labels).toContain(NEEDS_CHANGES_LABEL);
  });

  it('leaves a merged pull request alone, and does not open another after one was closed', async () => {
    const issue = newIssue(VALID);
    await run(issue);
    const [pull] = pullsFor(issue);
    pull!.state = 'closed';
    const before = fake.writes().length;
    issue.body = VALID.replace('alpha', 'beta');
    expect(await run(issue, 'edited')).toBe(0);
    expect(pullsFor(issue)).toHaveLength(1);
    expect(ours(issue)[0]!.body).toContain(`Pull request #${pull!.number} was closed without being merged`);
    expect(fake.writes()).toHaveLength(before + 1); // the comment only

    pull!.merged_at = '2026-11-20T10:00:00Z';
    const merged = fake.writes().length;
    expect(await run(issue, 'edited')).toBe(0);
    expect(fake.writes()).toHaveLength(merged);
    expect(lines.at(-1)).toContain('already merged');
  });
});

describe('untrusted text', () => {
  it('is escaped in the comment: no HTML, mentions or javascript: links come through', async () => {
    const hostile = VALID.replace('### Title\n\nPothole reporting with photos', '### Title\n\n<script>alert(1)</script> @everyone')
      .replace('### Start\n\n2026-03', '### Start\n\n<img src=x onerror=alert(1)> @everyone')
      .replace('Alpha show and tell | https://westmere.example/blog/potholes', 'Click me @everyone | javascript:alert(1)')
      .replace('### Partners\n\nharbourside-civic-tech', '### Partners\n\n](javascript:alert(1)), @everyone')
      .replace('A reporting form', '<script>steal()</script> A reporting form');
    const issue = newIssue(hostile);
    expect(await run(issue)).toBe(0);
    expect(fake.pullsList()).toHaveLength(0);
    const body = ours(issue)[0]!.body;
    const interpreted = outsideCode(body);
    expect(interpreted).not.toMatch(/(?<!\\)</);
    expect(interpreted).not.toMatch(/@everyone/);
    expect(interpreted).not.toMatch(/\]\(javascript:/i);
    expect(body).toContain('- **Start**: You wrote `<img src=x onerror=alert(1)> @everyone`');
    expect(body).toContain('- **Links** (line 1, address): You wrote `javascript:alert(1)`');
    expect(body).toContain('- **Text**: The text holds a \\<script\\> element\\, which the hub does not accept from the form\\.');
    expect(body).toMatch(/\*\*Partners\*\* \(item 1\): You wrote `\]\(javascript:alert\(1\)\)`/);
  });

  it('is escaped in the pull request when the answers are valid', async () => {
    const issue = newIssue(
      VALID.replace(
        '### Title\n\nPothole reporting with photos',
        '### Title\n\n<script>alert(1)</script> @everyone [x](javascript:alert(1))',
      ),
    );
    expect(await run(issue)).toBe(0);
    const [pull] = pullsFor(issue);
    const interpreted = outsideCode(pull!.body!);
    expect(interpreted).not.toMatch(/(?<!\\)</);
    expect(interpreted).toContain(`\\@${BREAK}everyone`);
    expect(interpreted).not.toMatch(/@everyone/);
    expect(interpreted).not.toMatch(/\]\(javascript:/i);
    // The file keeps the text as written: the site escapes it, and the validator accepts it.
    const text = fake.filesOn(BRANCH_OF(issue))!.get(FILE)!;
    expect(text).toContain('title: <script>alert(1)</script> @everyone [x](javascript:alert(1))\n');
    expect((await validates(FILE, text)).status).toBe(0);
  });

  it('refuses a body of 1 MB without reading it, in a short comment', async () => {
    const huge = `### Organisation\n\nwestmere-digital\n\n### Title\n\n${'x'.repeat(1_000_000)}`;
    const issue = newIssue(huge);
    expect(await run(issue)).toBe(0);
    expect(fake.branches.size).toBe(1);
    expect(fake.pullsList()).toHaveLength(0);
    const body = ours(issue)[0]!.body;
    expect(body).toContain('## This issue could not be read');
    expect(body).toContain(
      `The issue is ${huge.length.toLocaleString('en-GB').replaceAll(',', '\\,')} characters long\\, more than the 65\\,536 GitHub allows`,
    );
    expect(body.length).toBeLessThan(1000);
    expect(issue.labels).toContain(NEEDS_CHANGES_LABEL);
  });

  it('says so when an issue with the label is not one of the forms', async () => {
    const issue = newIssue('Please add our roadmap: we are doing potholes.', ['new-record']);
    expect(await run(issue)).toBe(0);
    expect(ours(issue)[0]!.body).toContain('it is not one of the hub’s forms for sharing a record');
    expect(fake.pullsList()).toHaveLength(0);
  });
});

describe('issues the workflow leaves alone', () => {
  it('does nothing, without a single request, for an issue without the new-record label', async () => {
    const issue = newIssue(VALID, ['roadmap']);
    expect(await run(issue)).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(lines.at(-1)).toBe(`Issue #${issue.number} does not have the new-record label: nothing to do.`);
  });

  it('does nothing when another label is added, or the issue is closed', async () => {
    const issue = newIssue(VALID);
    expect(await run(issue, 'labeled', 'content')).toBe(0);
    issue.state = 'closed';
    expect(await run(issue, 'edited')).toBe(0);
    expect(fake.requests).toHaveLength(0);
  });

  it('does nothing when the label was removed since the event', async () => {
    const issue = newIssue(VALID);
    const file = eventFile(issue);
    issue.labels = ['roadmap'];
    expect(await main(['--repo', fake.repository, '--content', content], env(file), (line) => lines.push(line))).toBe(0);
    expect(writes()).toEqual([]);
    expect(lines.at(-1)).toContain('does not have the new-record label');
  });
});

describe('GitHub failing', () => {
  it('waits out a rate limit and retries server errors, then opens the pull request', async () => {
    const issue = newIssue(VALID);
    fake.fail({
      method: 'GET',
      path: `/repos/council-commons/hub/issues/${issue.number}`,
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'retry-after': '1' },
    });
    fake.fail({ method: 'POST', path: '/repos/council-commons/hub/git/refs', status: 502, times: 2 });
    fake.fail({ method: 'POST', path: '/repos/council-commons/hub/pulls', status: 429, headers: { 'retry-after': '0' } });
    const run = await runScript('scripts/issue-to-pr.ts', ['--repo', fake.repository, '--content', content], env(eventFile(issue)));
    expect(run.stderr).toContain('rate limit');
    expect(run.stderr).toContain('GitHub answered 502; trying again');
    expect(run.status).toBe(0);
    expect(pullsFor(issue)).toHaveLength(1);
    expect(ours(issue)).toHaveLength(1);
  });

  it('opens no second pull request when a retried request had reached GitHub', async () => {
    const issue = newIssue(VALID);
    await run(issue);
    const [pull] = pullsFor(issue);
    // A run whose listing missed the pull request (as if it were made while the run was waiting).
    fake.fail({ method: 'GET', path: '/repos/council-commons/hub/pulls', status: 200, body: [] });
    issue.body = VALID.replace('alpha', 'beta');
    expect(await run(issue, 'edited')).toBe(0);
    expect(pullsFor(issue)).toHaveLength(1);
    expect(ours(issue)[0]!.body).toContain(`pull request #${pull!.number}`);
  });

  it('explains a missing issue, and exits 1', async () => {
    const issue = newIssue(VALID);
    fake.issues.splice(0);
    const run = await runScript('scripts/issue-to-pr.ts', ['--repo', fake.repository, '--content', content], env(eventFile(issue)));
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `issue-to-pr: GitHub found no issue #${issue.number} in council-commons/hub (404): ` +
        `the issue may have been deleted or transferred, the repository renamed, or the token may not see it. Nothing was done.\n`,
    );
  });

  it('explains a missing repository, and exits 1', async () => {
    const issue = newIssue(VALID);
    const run = await runScript('scripts/issue-to-pr.ts', ['--repo', 'council-commons/gone', '--content', content], env(eventFile(issue)));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('GitHub found no issue #1 in council-commons/gone (404)');
    expect(fake.writes()).toHaveLength(0);
  });

  it('throws an explained error for a repeated server failure, naming what it was doing', async () => {
    const issue = newIssue(VALID);
    fake.fail({ method: 'POST', path: '/repos/council-commons/hub/pulls', status: 500, times: 10 });
    await expect(run(issue)).rejects.toThrow(IssueToPrError);
    await expect(run(issue)).rejects.toThrow(/could not open the pull request for issue #\d+ in council-commons\/hub/);
  });
});

describe('usage', () => {
  it('reads the issue only from the event file, and refuses other events', async () => {
    const issue = newIssue(VALID);
    const noEvent = await runScript('scripts/issue-to-pr.ts', ['--repo', fake.repository, '--content', content], {
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: fake.url,
    });
    expect(noEvent.status).toBe(2);
    expect(noEvent.stderr).toContain('GITHUB_EVENT_PATH is not set');
    const other = await runScript(
      'scripts/issue-to-pr.ts',
      ['--repo', fake.repository, '--content', content],
      env(eventFile(issue), { GITHUB_EVENT_NAME: 'pull_request' }),
    );
    expect(other.status).toBe(2);
    const extra = await runScript('scripts/issue-to-pr.ts', ['--repo', fake.repository, '--body', 'x'], env(eventFile(issue)));
    expect(extra.status).toBe(2);
    expect(fake.requests).toHaveLength(0);
  });

  it('prints the file it would write with --dry-run, without GitHub', async () => {
    const issue = newIssue(VALID);
    const run = await runScript('scripts/issue-to-pr.ts', ['--repo', fake.repository, '--content', content, '--dry-run'], {
      GITHUB_EVENT_PATH: eventFile(issue),
      GITHUB_EVENT_NAME: 'issues',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Would commit ${FILE} on contribution/issue-${issue.number}:`);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('the organisation form', () => {
  const ORGANISATION_FILE = 'content/organisations/westmere-digital.yaml';
  const OTHER_FILE = 'content/organisations/harbourside-civic-tech.yaml';
  let original: string;
  beforeEach(() => {
    original = readFileSync(join(content, 'organisations/westmere-digital.yaml'), 'utf8');
    fake.commit({
      'README.md': '# The hub\n',
      [ORGANISATION_FILE]: original,
      [OTHER_FILE]: readFileSync(join(content, 'organisations/harbourside-civic-tech.yaml'), 'utf8'),
    });
  });

  /** The organisation form as GitHub writes it into the issue, with these answers (the rest _No response_). */
  function organisationIssue(answers: Record<string, string>, confirmed = true): string {
    const definition = issueFormDefinition('organisations')!;
    return definition.fields
      .map((field) => {
        const answer = field.kind === 'confirm' ? `- [${confirmed ? 'X' : ' '}] ${CONFIRM_OPTION}` : (answers[field.id] ?? '_No response_');
        return `### ${field.label}\n\n${answer}`;
      })
      .join('\n\n');
  }
  const newOrganisationIssue = (body: string) =>
    fake.addIssue({ title: 'Organisation details: Westmere Digital', body, labels: ['new-record', 'organisations'], user: AUTHOR });

  const CHANGES = {
    organisation: 'westmere-digital',
    website: 'https://westmere.example/',
    github: 'westmere-digital, westmere-labs',
    open_data: 'https://data.westmere.example | westmere-digital\nhttps://westmere.example/data.json',
    systems: 'Pellwick Revenues | Pellwick Data | payments | 2028-03 | 58, 59 | 2021-04',
  };

  it('becomes a pull request that changes only the answered fields of the organisation’s file, which passes the validator', async () => {
    const issue = newOrganisationIssue(organisationIssue(CHANGES));
    expect(await run(issue)).toBe(0);
    const branch = BRANCH_OF(issue);
    expect(fake.diff('main', branch).map((file) => [file.filename, file.status])).toEqual([[ORGANISATION_FILE, 'modified']]);
    const text = fake.filesOn(branch)!.get(ORGANISATION_FILE)!;
    expect(text).toBe(
      [
        'name: Westmere Digital',
        'type: other-public-body',
        'summary: A shared digital service for the Westmere councils.',
        'website: https://westmere.example/',
        'github: [westmere-digital, westmere-labs]',
        'open_data:',
        '  - ckan: https://data.westmere.example',
        '    organisation: westmere-digital',
        '  - data_json: https://westmere.example/data.json',
        'maintainers: [westmere-lead]',
        'systems:',
        '  - product: Pellwick Revenues',
        '    supplier: Pellwick Data',
        '    service_area: payments',
        '    services: [58, 59]',
        '    contract_start: 2021-04',
        '    contract_end: 2028-03',
        '',
      ].join('\n'),
    );
    expect(original.split('\n').every((line) => text.includes(line))).toBe(true);
    const checked = await validates(ORGANISATION_FILE, text);
    expect(checked.stdout).toContain('no errors');
    expect(checked.status).toBe(0);

    const [pull] = pullsFor(issue);
    expect(pull!.title).toBe('Westmere Digital: organisation details (Website, GitHub, Open data, Systems and contracts)');
    expect(pull!.body).toMatch(new RegExp(`^Closes #${issue.number}\n`));
    expect(pull!.body).toContain(
      'Changes Westmere Digital’s details in `content/organisations/westmere-digital.yaml`: Website, GitHub, ' +
        'Open data and Systems and contracts. Every other field, and the file’s comments, are as they were.',
    );
    expect(pull!.body).toContain('@westmere-lead is listed among Westmere Digital’s maintainers.');
    expect(pull!.body).not.toContain('Maintainers change');
    const put = fake.requests.find((request) => request.method === 'PUT')!;
    expect((put.body as { message: string }).message).toBe(
      `Update organisation westmere-digital from issue #${issue.number}\n\n` +
        `Website, GitHub, Open data, Systems and contracts\n\n` +
        `Co-authored-by: westmere-lead <4242+westmere-lead@users.noreply.github.com>`,
    );
    expect((put.body as { sha?: string }).sha).toMatch(/^[0-9a-f]{40}$/);
    expect(ours(issue)[0]!.body).toContain(`your changes are now pull request #${pull!.number}`);
    expect(issue.labels).toEqual(['new-record', 'organisations', PULL_REQUEST_LABEL]);
  });

  it('keeps a field answered empty, takes out one answered (remove), and says when maintainers change', async () => {
    const issue = newOrganisationIssue(
      organisationIssue({ organisation: 'westmere-digital', summary: '(remove)', maintainers: 'westmere-lead, @westmere/digital' }),
    );
    expect(await run(issue)).toBe(0);
    const text = fake.filesOn(BRANCH_OF(issue))!.get(ORGANISATION_FILE)!;
    expect(text).toBe('name: Westmere Digital\ntype: other-public-body\nmaintainers: [westmere-lead, "@westmere/digital"]\n');
    expect((await validates(ORGANISATION_FILE, text)).status).toBe(0);
    const [pull] = pullsFor(issue);
    expect(pull!.body).toContain('About (taken out) and Maintainers.');
    expect(pull!.body).toContain(
      '**Maintainers change:** this changes who is asked to review Westmere Digital’s records (today: ' +
        '`@westmere-lead`). Check with the organisation before merging.',
    );
  });

  it('lists what to fix in one comment: an unknown organisation, a wrong address, a system’s month, an unticked box', async () => {
    const issue = newOrganisationIssue(
      organisationIssue(
        {
          organisation: 'westmere-digtal',
          website: 'westmere.example',
          open_data: 'https://data.westmere.example | Westmere Digital',
          systems: 'Pellwick Revenues | Pellwick Data | payments | 2028-13',
        },
        false,
      ),
    );
    expect(await run(issue)).toBe(0);
    expect(fake.pullsList()).toHaveLength(0);
    expect(fake.branches.has(BRANCH_OF(issue))).toBe(false);
    const body = ours(issue)[0]!.body;
    expect(body).toContain('Thank you for these changes. Before they can become a pull request, please fix these 5 things:');
    const lines = body.split('\n').filter((line) => line.startsWith('- **'));
    expect(lines.map((line) => /^- \*\*([^*]+)\*\*/.exec(line)![1])).toEqual([
      'Organisation',
      'Website',
      'Open data',
      'Systems and contracts',
      'Before you send',
    ]);
    expect(lines[0]).toContain('There is no organisation `westmere-digtal` on the hub\\. Did you mean `westmere-digital`\\?');
    expect(lines[1]).toContain('You wrote `westmere.example`');
    expect(lines[2]).toMatch(/^- \*\*Open data\*\* \(line 1, name on the portal\): You wrote `Westmere Digital`/);
    expect(lines[3]).toMatch(/^- \*\*Systems and contracts\*\* \(line 1, contract end\): You wrote `2028-13`/);
    expect(issue.labels).toContain(NEEDS_CHANGES_LABEL);
  });

  it('says there is nothing to change when every answer is empty, or what the hub has', async () => {
    const empty = newOrganisationIssue(organisationIssue({ organisation: 'westmere-digital' }));
    expect(await run(empty)).toBe(0);
    expect(ours(empty)[0]!.body).toContain('Every answer is empty\\, so there is nothing to change\\.');
    const same = newOrganisationIssue(
      organisationIssue({
        organisation: 'westmere-digital',
        summary: 'A shared digital service for the Westmere councils.',
        maintainers: 'westmere-lead',
      }),
    );
    expect(await run(same)).toBe(0);
    expect(ours(same)[0]!.body).toContain(
      'Every answer is what the hub already has for Westmere Digital\\, so there is nothing to change\\.',
    );
    expect(fake.pullsList()).toHaveLength(0);
  });

  it('keeps one pull request when the issue is edited, and changes only the organisation the issue now names', async () => {
    const issue = newOrganisationIssue(organisationIssue(CHANGES));
    await run(issue);
    const [pull] = pullsFor(issue);
    issue.body = organisationIssue({ organisation: 'harbourside-civic-tech', contact: 'hello@harbourside.example' });
    expect(await run(issue, 'edited')).toBe(0);
    expect(pullsFor(issue)).toHaveLength(1);
    expect(fake.diff('main', BRANCH_OF(issue)).map((file) => [file.filename, file.status])).toEqual([[OTHER_FILE, 'modified']]);
    expect(fake.filesOn(BRANCH_OF(issue))!.get(OTHER_FILE)).toContain('\ncontact: hello@harbourside.example\n');
    expect(pullsFor(issue)[0]!.title).toBe('Harbourside Civic Tech: organisation details (Contact)');
    expect(ours(issue)[0]!.body).toContain(`pull request #${pull!.number} now has this issue’s latest answers`);
  });

  it('prints the changed file with --dry-run, without GitHub', async () => {
    const issue = newOrganisationIssue(organisationIssue(CHANGES));
    const run = await runScript('scripts/issue-to-pr.ts', ['--repo', fake.repository, '--content', content, '--dry-run'], {
      GITHUB_EVENT_PATH: eventFile(issue),
      GITHUB_EVENT_NAME: 'issues',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Would commit ${ORGANISATION_FILE} on contribution/issue-${issue.number}:\n\nname: Westmere Digital\n`);
    expect(fake.requests).toHaveLength(0);
  });
});
