/**
 * A small fake of the GitHub REST endpoints the hub's scripts use, on 127.0.0.1 at a random port. It
 * answers as GitHub does (status codes, JSON bodies, x-ratelimit-* headers, Link headers for pages),
 * records every request, and can be told to fail: 403 with x-ratelimit-remaining 0, 429 with
 * retry-after, 5xx once or N times, 404.
 *
 * Endpoints: GET /repos/:owner/:repo/pulls/:n; GET and POST /repos/:owner/:repo/issues/:n/comments;
 * PATCH /repos/:owner/:repo/issues/comments/:id; GET and POST /repos/:owner/:repo/issues;
 * PATCH /repos/:owner/:repo/issues/:n.
 *
 * For the issue-to-pr workflow, a small git model (branches pointing at commits, each commit a snapshot
 * of path → text) behind: GET /repos/:owner/:repo; GET /repos/:owner/:repo/issues/:n; POST
 * /issues/:n/labels and DELETE /issues/:n/labels/:name; GET /git/ref/heads/:branch, POST /git/refs and
 * PATCH /git/refs/heads/:branch; GET, PUT and DELETE /contents/:path (with ref or branch and the file's
 * blob sha, as GitHub checks it); GET and POST /pulls, PATCH /pulls/:n and GET /pulls/:n/files.
 *
 * For the harvest, other people's accounts and repositories (addAccount, addRepository): GET
 * /orgs/:org/repos and /users/:user/repos (type, sort, direction, per_page and page, with Link
 * headers), GET /repos/:owner/:repo (with parent and source for forks), GET
 * /repos/:owner/:repo/contents/:path (base64 JSON, or raw with Accept: application/vnd.github.raw; as
 * on GitHub, the JSON form carries no content for files over inlineContentMaxBytes) and GET
 * /repos/:owner/:repo/readme. These answer with an ETag, and 304 to a matching If-None-Match.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface User {
  login: string;
  type: 'Bot' | 'User';
  id?: number;
}

export const BOT: User = { login: 'github-actions[bot]', type: 'Bot' };
export const TOKEN = 'test-token';

export interface Comment {
  id: number;
  issue: number;
  body: string;
  user: User;
}

export interface Issue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  user: User;
  pull_request?: { url: string };
}

export interface Pull {
  number: number;
  /** `ref` is set for pull requests made through the API; their sha follows the branch. */
  head: { sha: string; ref?: string };
  state: 'open' | 'closed';
  merged_at: string | null;
  user: User;
  base?: string;
  title?: string;
  body?: string;
}

/** A git blob's sha, as GitHub gives it for a file. */
export function blobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization?: string;
  /** The status the fake answered. */
  status: number;
  at: number;
}

export interface FailRule {
  method?: string;
  /** Matched against the path (without the query). */
  path?: string | RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests fail; default 1. */
  times?: number;
}

/** Someone else's account, for the harvest's endpoints. */
export interface FakeAccount {
  login: string;
  type: 'Organization' | 'User';
  id: number;
}

/** A repository of another account, as the harvest reads it; only name and owner are needed. */
export interface FakeRepositoryInput {
  owner: string;
  name: string;
  description?: string | null;
  /** The full name (owner/name) of the repository it was forked from; makes it a fork. */
  parent?: string;
  archived?: boolean;
  private?: boolean;
  license?: { key: string; name: string; spdx_id: string } | null;
  topics?: string[];
  homepage?: string | null;
  language?: string | null;
  pushed_at?: string | null;
  created_at?: string;
  default_branch?: string;
  /** Files on the default branch, path → text: publiccode.yml, README.md… */
  files?: Record<string, string>;
}

export type FakeRepository = FakeRepositoryInput & { id: number; files: Record<string, string> };

const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' };

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  url = '';
  readonly requests: Recorded[] = [];
  readonly pulls = new Map<number, Pull>();
  readonly issues: Issue[] = [];
  readonly comments: Comment[] = [];
  readonly users = new Map<string, User>([[TOKEN, BOT]]);
  readonly defaultBranch = 'main';
  /** Commit sha → the files of that commit (path → text). */
  readonly commits = new Map<string, Map<string, string>>();
  /** Branch → commit sha. */
  readonly branches = new Map<string, string>();
  /** Other accounts and their repositories, by lower-case login and lower-case owner/name (GitHub's names ignore case). */
  readonly accounts = new Map<string, FakeAccount>();
  readonly repositories = new Map<string, FakeRepository>();
  /** GitHub's JSON form carries a file's content only up to 1 MB; larger files come raw. */
  inlineContentMaxBytes = 1024 * 1024;
  private nextAccountId = 5000;
  private nextRepositoryId = 900_000;
  private readonly failures: (FailRule & { left: number })[] = [];
  private nextCommentId = 1001;
  private nextNumber = 1;
  private nextCommit = 1;
  private server?: Server;

  constructor(repository = 'council-commons/hub') {
    [this.owner, this.repo] = repository.split('/');
  }

  static async start(repository?: string): Promise<FakeGitHub> {
    const fake = new FakeGitHub(repository);
    fake.server = createServer((request, response) => {
      fake.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: String(error) }));
      });
    });
    await new Promise<void>((resolve) => fake.server!.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  get repository(): string {
    return `${this.owner}/${this.repo}`;
  }

  /** The next matching requests fail with this answer. */
  fail(rule: FailRule): void {
    this.failures.push({ ...rule, left: rule.times ?? 1 });
  }

  addPull(number: number, sha: string, author: User = { login: 'octocat', type: 'User' }, state: 'open' | 'closed' = 'open'): Pull {
    const pull: Pull = { number, head: { sha }, state, merged_at: null, user: author };
    this.pulls.set(number, pull);
    this.nextNumber = Math.max(this.nextNumber, number + 1);
    return pull;
  }

  addComment(issue: number, body: string, user: User = { login: 'someone', type: 'User' }): Comment {
    const comment: Comment = { id: this.nextCommentId++, issue, body, user };
    this.comments.push(comment);
    return comment;
  }

  addIssue(fields: Partial<Issue> & { title: string; body: string }): Issue {
    const issue: Issue = { number: this.nextNumber++, state: 'open', state_reason: null, labels: [], user: BOT, ...fields };
    this.issues.push(issue);
    return issue;
  }

  /** Another organisation or user, whose repositories the harvest lists. */
  addAccount(login: string, type: FakeAccount['type'] = 'Organization'): FakeAccount {
    const account: FakeAccount = { login, type, id: this.nextAccountId++ };
    this.accounts.set(login.toLowerCase(), account);
    return account;
  }

  /** A repository of another account (added as an organisation if it is not known yet); replaces one of the same name. */
  addRepository(input: FakeRepositoryInput): FakeRepository {
    if (!this.accounts.has(input.owner.toLowerCase())) this.addAccount(input.owner);
    const key = `${input.owner}/${input.name}`.toLowerCase();
    const repository: FakeRepository = {
      ...input,
      id: this.repositories.get(key)?.id ?? this.nextRepositoryId++,
      files: { ...(input.files ?? {}) },
    };
    this.repositories.set(key, repository);
    return repository;
  }

  private repositoryJson(repository: FakeRepository) {
    const owner = this.accounts.get(repository.owner.toLowerCase())!;
    const full = `${owner.login}/${repository.name}`;
    const pushed = repository.pushed_at ?? null;
    const created = repository.created_at ?? '2020-01-06T09:00:00Z';
    const license = repository.license
      ? {
          ...repository.license,
          url: `https://api.github.com/licenses/${repository.license.key}`,
          node_id: `MDc6TGljZW5zZ${repository.license.key.length}`,
        }
      : null;
    return {
      id: repository.id,
      node_id: `R_kgDO${repository.id}`,
      name: repository.name,
      full_name: full,
      private: repository.private === true,
      owner: {
        login: owner.login,
        id: owner.id,
        type: owner.type,
        html_url: `https://github.com/${owner.login}`,
        url: `${this.url}/users/${owner.login}`,
      },
      html_url: `https://github.com/${full}`,
      description: repository.description ?? null,
      fork: repository.parent !== undefined,
      url: `${this.url}/repos/${full}`,
      created_at: created,
      updated_at: pushed ?? created,
      pushed_at: pushed,
      git_url: `git://github.com/${full}.git`,
      clone_url: `https://github.com/${full}.git`,
      homepage: repository.homepage ?? null,
      size: Object.values(repository.files).reduce((total, text) => total + Buffer.byteLength(text), 0) >> 10,
      stargazers_count: 0,
      watchers_count: 0,
      language: repository.language ?? null,
      has_issues: true,
      forks_count: 0,
      archived: repository.archived === true,
      disabled: false,
      open_issues_count: 0,
      license,
      allow_forking: true,
      is_template: false,
      topics: repository.topics ?? [],
      visibility: repository.private ? 'private' : 'public',
      forks: 0,
      open_issues: 0,
      watchers: 0,
      default_branch: repository.default_branch ?? 'main',
    };
  }

  private contentJson(repository: FakeRepository, path: string, text: string) {
    const full = `${this.accounts.get(repository.owner.toLowerCase())!.login}/${repository.name}`;
    const branch = repository.default_branch ?? 'main';
    const bytes = Buffer.from(text, 'utf8');
    const inline = bytes.length <= this.inlineContentMaxBytes;
    const sha = blobSha(text);
    const api = `${this.url}/repos/${full}/contents/${path}?ref=${branch}`;
    return {
      type: 'file',
      encoding: inline ? 'base64' : 'none',
      size: bytes.length,
      name: path.split('/').at(-1),
      path,
      // GitHub breaks its base64 into lines of 60 characters.
      content: inline ? (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + (bytes.length > 0 ? '\n' : '') : '',
      sha,
      url: api,
      git_url: `${this.url}/repos/${full}/git/blobs/${sha}`,
      html_url: `https://github.com/${full}/blob/${branch}/${path}`,
      download_url: `https://raw.githubusercontent.com/${full}/${branch}/${path}`,
      _links: { self: api, git: `${this.url}/repos/${full}/git/blobs/${sha}`, html: `https://github.com/${full}/blob/${branch}/${path}` },
    };
  }

  /** The harvest's GETs, on other accounts' repositories. True when it answered. */
  private answerRepositories(
    url: URL,
    request: IncomingMessage,
    response: ServerResponse,
    record: Recorded,
    send: (status: number, data: unknown, headers?: Record<string, string>) => void,
  ): boolean {
    const ifNoneMatch = request.headers['if-none-match'];
    // GitHub's ETags are weak, over the answer's bytes; a match is answered 304 with no body.
    const conditional = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      if (status !== 200) return send(status, data, headers);
      const etag = `W/"${createHash('sha1')
        .update(JSON.stringify(data))
        .update(headers.link ?? '')
        .digest('hex')}"`;
      if (ifNoneMatch === etag) return send(304, undefined, { etag });
      send(200, data, { ...headers, etag });
    };
    let match: RegExpExecArray | null;
    if ((match = /^\/(orgs|users)\/([^/]+)\/repos$/.exec(url.pathname))) {
      const account = this.accounts.get(decodeURIComponent(match[2]!).toLowerCase());
      const organisation = match[1] === 'orgs';
      if (!account || (organisation && account.type !== 'Organization')) return (send(404, NOT_FOUND), true);
      const type = url.searchParams.get('type') ?? (organisation ? 'all' : 'owner');
      const sort = url.searchParams.get('sort') ?? (organisation ? 'created' : 'full_name');
      const direction = url.searchParams.get('direction') ?? (sort === 'full_name' ? 'asc' : 'desc');
      const all = [...this.repositories.values()].filter((repository) => repository.owner.toLowerCase() === account.login.toLowerCase());
      // Only an organisation's members see its private repositories; the fake treats type=all or private as asked by one.
      const listed = all.filter((repository) => {
        if (repository.private) return organisation && (type === 'all' || type === 'private');
        if (type === 'private') return false;
        if (type === 'forks') return repository.parent !== undefined;
        if (type === 'sources') return repository.parent === undefined;
        return true;
      });
      const json = listed.map((repository) => this.repositoryJson(repository));
      const key = (item: (typeof json)[number]) =>
        sort === 'full_name'
          ? item.full_name.toLowerCase()
          : sort === 'pushed'
            ? (item.pushed_at ?? '')
            : sort === 'updated'
              ? item.updated_at
              : `${item.created_at}#${String(item.id).padStart(12, '0')}`;
      json.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (direction === 'asc' ? 1 : -1));
      return (this.page(url, json, conditional), true);
    }
    if (!(match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname))) return false;
    const repository = this.repositories.get(`${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}`.toLowerCase());
    if (!repository) return false;
    const rest = match[3] ?? '';
    if (rest === '') {
      const json: Record<string, unknown> = { ...this.repositoryJson(repository), network_count: 0, subscribers_count: 0 };
      if (repository.parent !== undefined) {
        const parent = this.repositories.get(repository.parent.toLowerCase());
        const full = parent ? undefined : repository.parent;
        // A fork of a repository the fake does not model still names it, as GitHub does.
        const parentJson = parent
          ? this.repositoryJson(parent)
          : { name: full!.split('/')[1], full_name: full, html_url: `https://github.com/${full}`, fork: false };
        let root = parent;
        while (root?.parent !== undefined && this.repositories.has(root.parent.toLowerCase()))
          root = this.repositories.get(root.parent.toLowerCase());
        json.parent = parentJson;
        json.source = root ? this.repositoryJson(root) : parentJson;
      }
      return (conditional(200, json), true);
    }
    let path: string | undefined;
    if (rest === '/readme') path = Object.keys(repository.files).find((name) => /^readme(?:\.[a-z0-9]+)?$/i.test(name));
    else if (rest.startsWith('/contents/')) path = rest.slice('/contents/'.length).split('/').map(decodeURIComponent).join('/');
    else return false;
    const text = path === undefined ? undefined : repository.files[path];
    if (path === undefined || text === undefined) return (send(404, NOT_FOUND), true);
    const accept = String(request.headers.accept ?? '');
    if (/application\/vnd\.github(?:\.v3)?\.raw/.test(accept)) {
      const bytes = Buffer.from(text, 'utf8');
      const etag = `"${blobSha(text)}"`;
      record.status = ifNoneMatch === etag ? 304 : 200;
      response.writeHead(record.status, {
        'content-type': 'application/vnd.github.raw',
        etag,
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-github-api-version-selected': '2022-11-28',
      });
      response.end(record.status === 304 ? '' : bytes);
      return true;
    }
    return (conditional(200, this.contentJson(repository, path, text)), true);
  }

  /** A commit with these files on a branch (the default branch unless named), replacing what it had. */
  commit(files: Record<string, string>, branch = this.defaultBranch): string {
    const sha = createHash('sha1').update(`commit ${this.nextCommit++}`).digest('hex');
    this.commits.set(sha, new Map(Object.entries(files)));
    this.branches.set(branch, sha);
    return sha;
  }

  /** The files at a branch's head. */
  filesOn(branch: string): Map<string, string> | undefined {
    const sha = this.branches.get(branch);
    return sha === undefined ? undefined : this.commits.get(sha);
  }

  pullsList(): Pull[] {
    return [...this.pulls.values()];
  }

  private headSha(pull: Pull): string {
    return (pull.head.ref && this.branches.get(pull.head.ref)) || pull.head.sha;
  }

  private pullJson(pull: Pull) {
    return {
      number: pull.number,
      state: pull.state,
      merged_at: pull.merged_at,
      title: pull.title ?? '',
      body: pull.body ?? null,
      head: { sha: this.headSha(pull), ref: pull.head.ref ?? 'branch', label: `${this.owner}:${pull.head.ref ?? 'branch'}` },
      base: { ref: pull.base ?? this.defaultBranch },
      user: { login: pull.user.login, type: pull.user.type },
      html_url: `https://github.com/${this.repository}/pull/${pull.number}`,
    };
  }

  private fileJson(path: string, text: string) {
    return {
      type: 'file',
      name: path.split('/').at(-1),
      path,
      sha: blobSha(text),
      size: Buffer.byteLength(text),
      encoding: 'base64',
      content: Buffer.from(text, 'utf8').toString('base64'),
    };
  }

  commentsOn(issue: number): Comment[] {
    return this.comments.filter((comment) => comment.issue === issue);
  }

  /** Requests that change something. */
  writes(): Recorded[] {
    return this.requests.filter((request) => request.method !== 'GET' && request.method !== 'HEAD');
  }

  private issueJson(issue: Issue) {
    return {
      id: issue.number * 10,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      state_reason: issue.state_reason,
      labels: issue.labels.map((name, index) => ({ id: index + 1, name })),
      user: { login: issue.user.login, type: issue.user.type, ...(issue.user.id !== undefined ? { id: issue.user.id } : {}) },
      html_url: `https://github.com/${this.repository}/issues/${issue.number}`,
      ...(issue.pull_request ? { pull_request: issue.pull_request } : {}),
    };
  }

  private commentJson(comment: Comment) {
    return {
      id: comment.id,
      body: comment.body,
      user: { login: comment.user.login, type: comment.user.type },
      html_url: `https://github.com/${this.repository}/pull/${comment.issue}#issuecomment-${comment.id}`,
    };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const method = request.method ?? 'GET';
    const record: Recorded = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body,
      status: 0,
      at: Date.now(),
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
    };
    this.requests.push(record);
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      const reset = String(Math.floor(Date.now() / 1000) + 3600);
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-reset': reset,
        'x-github-api-version-selected': '2022-11-28',
        ...headers,
      });
      response.end(data === undefined ? '' : JSON.stringify(data));
    };

    const failure = this.failures.find(
      (rule) =>
        rule.left > 0 &&
        (!rule.method || rule.method === method) &&
        (!rule.path || (typeof rule.path === 'string' ? rule.path === url.pathname : rule.path.test(url.pathname))),
    );
    if (failure) {
      failure.left--;
      const message =
        failure.status === 404
          ? NOT_FOUND
          : {
              message: failure.status === 403 || failure.status === 429 ? 'API rate limit exceeded' : 'Server Error',
              documentation_url: 'https://docs.github.com/rest',
            };
      send(failure.status, failure.body ?? message, failure.headers);
      return;
    }

    const token = request.headers.authorization?.replace(/^(token|bearer) /i, '');
    const user = token ? this.users.get(token) : undefined;
    if (token && !user) return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    if (method === 'GET' && this.answerRepositories(url, request, response, record, send)) return;
    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (method === 'GET' && url.pathname === prefix) return send(200, { full_name: this.repository, default_branch: this.defaultBranch });
    if (!url.pathname.startsWith(`${prefix}/`)) return send(404, NOT_FOUND);
    const path = url.pathname.slice(prefix.length);
    const needUser = () => {
      if (!user) {
        send(401, { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' });
        return false;
      }
      return true;
    };
    let match: RegExpExecArray | null;

    if (method === 'GET' && (match = /^\/pulls\/(\d+)$/.exec(path))) {
      const pull = this.pulls.get(Number(match[1]));
      if (!pull) return send(404, NOT_FOUND);
      return send(200, {
        number: pull.number,
        state: pull.state,
        merged_at: pull.merged_at,
        head: { sha: pull.head.sha, ref: 'branch' },
        user: { login: pull.user.login, type: pull.user.type },
      });
    }
    const handled = this.handleGit(method, path, url, body, user, needUser, send);
    if (handled) return;
    if ((match = /^\/issues\/(\d+)\/comments$/.exec(path))) {
      const number = Number(match[1]);
      if (!this.pulls.has(number) && !this.issues.some((issue) => issue.number === number)) return send(404, NOT_FOUND);
      if (method === 'GET')
        return this.page(
          url,
          this.commentsOn(number).map((comment) => this.commentJson(comment)),
          send,
        );
      if (method === 'POST') {
        if (!needUser()) return;
        const text = (body as { body?: unknown })?.body;
        if (typeof text !== 'string' || text.length > 65536)
          return send(422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body' }] });
        return send(201, this.commentJson(this.addComment(number, text, user)));
      }
    }
    if (method === 'PATCH' && (match = /^\/issues\/comments\/(\d+)$/.exec(path))) {
      if (!needUser()) return;
      const comment = this.comments.find((candidate) => candidate.id === Number(match![1]));
      if (!comment) return send(404, NOT_FOUND);
      if (comment.user.login !== user!.login) return send(403, { message: 'You cannot edit this comment' });
      const text = (body as { body?: unknown })?.body;
      if (typeof text !== 'string' || text.length > 65536) return send(422, { message: 'Validation Failed' });
      comment.body = text;
      return send(200, this.commentJson(comment));
    }
    if (path === '/issues') {
      if (method === 'GET') {
        const state = url.searchParams.get('state') ?? 'open';
        const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
        const direction = url.searchParams.get('direction') ?? 'desc';
        let list = this.issues.filter(
          (issue) => (state === 'all' || issue.state === state) && labels.every((label) => issue.labels.includes(label)),
        );
        list = [...list].sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number));
        return this.page(
          url,
          list.map((issue) => this.issueJson(issue)),
          send,
        );
      }
      if (method === 'POST') {
        if (!needUser()) return;
        const fields = body as { title?: unknown; body?: unknown; labels?: unknown };
        if (typeof fields?.title !== 'string' || fields.title === '')
          return send(422, { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }] });
        const issue = this.addIssue({
          title: fields.title,
          body: typeof fields.body === 'string' ? fields.body : '',
          labels: Array.isArray(fields.labels) ? fields.labels.map(String) : [],
          user: user!,
        });
        return send(201, this.issueJson(issue));
      }
    }
    if (method === 'PATCH' && (match = /^\/issues\/(\d+)$/.exec(path))) {
      if (!needUser()) return;
      const issue = this.issues.find((candidate) => candidate.number === Number(match![1]));
      if (!issue) return send(404, NOT_FOUND);
      const fields = body as Partial<Issue>;
      if (typeof fields.title === 'string') issue.title = fields.title;
      if (typeof fields.body === 'string') issue.body = fields.body;
      if (fields.state === 'open' || fields.state === 'closed') issue.state = fields.state;
      if (typeof fields.state_reason === 'string') issue.state_reason = fields.state_reason;
      return send(200, this.issueJson(issue));
    }
    return send(404, NOT_FOUND);
  }

  /** The issue-to-pr endpoints: issues and labels, refs, contents and pull requests. True when it answered. */
  private handleGit(
    method: string,
    path: string,
    url: URL,
    body: unknown,
    user: User | undefined,
    needUser: () => boolean,
    send: (status: number, data: unknown, headers?: Record<string, string>) => void,
  ): boolean {
    const fields = (body ?? {}) as Record<string, unknown>;
    const invalid = (message: string) => send(422, { message, documentation_url: 'https://docs.github.com/rest' });
    let match: RegExpExecArray | null;

    if (method === 'GET' && (match = /^\/issues\/(\d+)$/.exec(path))) {
      const issue = this.issues.find((candidate) => candidate.number === Number(match![1]));
      send(issue ? 200 : 404, issue ? this.issueJson(issue) : NOT_FOUND);
      return true;
    }
    if ((match = /^\/issues\/(\d+)\/labels(?:\/(.+))?$/.exec(path))) {
      const issue = this.issues.find((candidate) => candidate.number === Number(match![1]));
      if (!needUser()) return true;
      if (!issue) return (send(404, NOT_FOUND), true);
      const labels = () => issue.labels.map((name, index) => ({ id: index + 1, name }));
      if (method === 'POST' && match[2] === undefined) {
        if (!Array.isArray(fields.labels)) return (invalid('Invalid request: labels must be an array'), true);
        for (const name of fields.labels.map(String)) if (!issue.labels.includes(name)) issue.labels.push(name);
        return (send(200, labels()), true);
      }
      if (method === 'DELETE' && match[2] !== undefined) {
        const name = decodeURIComponent(match[2]);
        if (!issue.labels.includes(name))
          return (send(404, { message: 'Label does not exist', documentation_url: 'https://docs.github.com/rest' }), true);
        issue.labels = issue.labels.filter((label) => label !== name);
        return (send(200, labels()), true);
      }
    }

    if (method === 'GET' && (match = /^\/git\/ref\/(.+)$/.exec(path))) {
      const ref = decodeURIComponent(match[1]!);
      const sha = ref.startsWith('heads/') ? this.branches.get(ref.slice('heads/'.length)) : undefined;
      send(sha ? 200 : 404, sha ? { ref: `refs/${ref}`, object: { sha, type: 'commit' } } : NOT_FOUND);
      return true;
    }
    if (method === 'POST' && path === '/git/refs') {
      if (!needUser()) return true;
      const ref = typeof fields.ref === 'string' ? fields.ref : '';
      const sha = typeof fields.sha === 'string' ? fields.sha : '';
      if (!/^refs\/heads\/.+/.test(ref)) return (invalid('Reference name must start with refs/heads/'), true);
      if (!this.commits.has(sha)) return (invalid('Object does not exist'), true);
      const branch = ref.slice('refs/heads/'.length);
      if (this.branches.has(branch)) return (invalid('Reference already exists'), true);
      this.branches.set(branch, sha);
      return (send(201, { ref, object: { sha, type: 'commit' } }), true);
    }
    if (method === 'PATCH' && (match = /^\/git\/refs\/(.+)$/.exec(path))) {
      if (!needUser()) return true;
      const ref = decodeURIComponent(match[1]!);
      const branch = ref.replace(/^heads\//, '');
      const sha = typeof fields.sha === 'string' ? fields.sha : '';
      if (!this.branches.has(branch)) return (invalid('Reference does not exist'), true);
      if (!this.commits.has(sha)) return (invalid('Object does not exist'), true);
      this.branches.set(branch, sha);
      return (send(200, { ref: `refs/heads/${branch}`, object: { sha, type: 'commit' } }), true);
    }

    if ((match = /^\/contents\/(.+)$/.exec(path))) {
      const filePath = match[1]!.split('/').map(decodeURIComponent).join('/');
      if (method === 'GET') {
        const branch = url.searchParams.get('ref') ?? this.defaultBranch;
        const text = this.filesOn(branch)?.get(filePath);
        return (send(text === undefined ? 404 : 200, text === undefined ? NOT_FOUND : this.fileJson(filePath, text)), true);
      }
      if (method === 'PUT' || method === 'DELETE') {
        if (!needUser()) return true;
        const branch = typeof fields.branch === 'string' ? fields.branch : this.defaultBranch;
        const files = this.filesOn(branch);
        if (!files) return (send(404, { message: `Branch ${branch} not found`, documentation_url: 'https://docs.github.com/rest' }), true);
        if (typeof fields.message !== 'string' || fields.message === '') return (invalid('Invalid request: message is required'), true);
        const existing = files.get(filePath);
        const sha = typeof fields.sha === 'string' ? fields.sha : undefined;
        if (method === 'DELETE') {
          if (existing === undefined) return (send(404, NOT_FOUND), true);
          if (sha !== blobSha(existing)) return (send(409, { message: `${filePath} does not match ${sha ?? ''}` }), true);
          const next = new Map(files);
          next.delete(filePath);
          const commit = this.commit(Object.fromEntries(next), branch);
          return (send(200, { content: null, commit: { sha: commit } }), true);
        }
        if (typeof fields.content !== 'string') return (invalid('Invalid request: content is required'), true);
        if (existing !== undefined && sha === undefined) return (invalid('Invalid request.\n\n"sha" wasn\'t supplied.'), true);
        if (existing !== undefined && sha !== blobSha(existing)) return (send(409, { message: `${filePath} does not match ${sha}` }), true);
        const text = Buffer.from(fields.content, 'base64').toString('utf8');
        const commit = this.commit({ ...Object.fromEntries(files), [filePath]: text }, branch);
        return (
          send(existing === undefined ? 201 : 200, {
            content: { path: filePath, sha: blobSha(text) },
            commit: { sha: commit, message: fields.message },
          }),
          true
        );
      }
    }

    if (path === '/pulls' && method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open';
      const head = url.searchParams.get('head');
      const list = this.pullsList()
        .filter((pull) => state === 'all' || pull.state === state)
        .filter((pull) => !head || `${this.owner}:${pull.head.ref ?? 'branch'}` === head)
        .sort((a, b) => b.number - a.number);
      return (
        this.page(
          url,
          list.map((pull) => this.pullJson(pull)),
          send,
        ),
        true
      );
    }
    if (path === '/pulls' && method === 'POST') {
      if (!needUser()) return true;
      const head = typeof fields.head === 'string' ? fields.head.replace(new RegExp(`^${this.owner}:`), '') : '';
      const base = typeof fields.base === 'string' ? fields.base : '';
      if (typeof fields.title !== 'string' || fields.title === '') return (invalid('Validation Failed: title is missing'), true);
      if (!this.branches.has(head) || !this.branches.has(base))
        return (invalid('Validation Failed: head or base branch does not exist'), true);
      if (this.pullsList().some((pull) => pull.state === 'open' && pull.head.ref === head && (pull.base ?? this.defaultBranch) === base)) {
        return (invalid(`Validation Failed: A pull request already exists for ${this.owner}:${head}.`), true);
      }
      if (this.diff(base, head).length === 0) return (invalid(`Validation Failed: No commits between ${base} and ${head}`), true);
      const pull: Pull = {
        number: this.nextNumber++,
        head: { sha: this.branches.get(head)!, ref: head },
        base,
        state: 'open',
        merged_at: null,
        user: user!,
        title: fields.title,
        ...(typeof fields.body === 'string' ? { body: fields.body } : {}),
      };
      this.pulls.set(pull.number, pull);
      return (send(201, this.pullJson(pull)), true);
    }
    if ((match = /^\/pulls\/(\d+)(\/files)?$/.exec(path)) && (method === 'PATCH' || (method === 'GET' && match[2]))) {
      const pull = this.pulls.get(Number(match[1]));
      if (!pull) return (send(404, NOT_FOUND), true);
      if (method === 'GET') return (this.page(url, this.diff(pull.base ?? this.defaultBranch, pull.head.ref ?? ''), send), true);
      if (!needUser()) return true;
      if (typeof fields.title === 'string') pull.title = fields.title;
      if (typeof fields.body === 'string') pull.body = fields.body;
      if (fields.state === 'open' || fields.state === 'closed') pull.state = fields.state;
      return (send(200, this.pullJson(pull)), true);
    }
    return false;
  }

  /** The files a branch adds, changes or removes against another, as GET /pulls/:n/files lists them. */
  diff(base: string, head: string): { filename: string; status: string; sha: string }[] {
    const from = this.filesOn(base) ?? new Map<string, string>();
    const to = this.filesOn(head) ?? new Map<string, string>();
    const out: { filename: string; status: string; sha: string }[] = [];
    for (const [path, text] of to)
      if (from.get(path) !== text) out.push({ filename: path, status: from.has(path) ? 'modified' : 'added', sha: blobSha(text) });
    for (const [path, text] of from) if (!to.has(path)) out.push({ filename: path, status: 'removed', sha: blobSha(text) });
    return out.sort((a, b) => (a.filename < b.filename ? -1 : 1));
  }

  /** One page of a list, with GitHub's Link header. */
  private page(url: URL, items: unknown[], send: (status: number, data: unknown, headers?: Record<string, string>) => void): void {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (number: number) => {
      const next = new URL(url.href);
      next.searchParams.set('page', String(number));
      next.searchParams.set('per_page', String(perPage));
      return next.href;
    };
    const relations: string[] = [];
    if (page < last) relations.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
    if (page > 1) relations.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
    send(200, items.slice((page - 1) * perPage, page * perPage), relations.length ? { link: relations.join(', ') } : {});
  }
}
