/**
 * A small fake of the GitHub REST endpoints the hub's scripts use, on 127.0.0.1 at a random port. It
 * answers as GitHub does (status codes, JSON bodies, x-ratelimit-* headers, Link headers for pages),
 * records every request, and can be told to fail: 403 with x-ratelimit-remaining 0, 429 with
 * retry-after, 5xx once or N times, 404.
 *
 * Endpoints: GET /repos/:owner/:repo/pulls/:n; GET and POST /repos/:owner/:repo/issues/:n/comments;
 * PATCH /repos/:owner/:repo/issues/comments/:id; GET and POST /repos/:owner/:repo/issues;
 * PATCH /repos/:owner/:repo/issues/:n.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface User {
  login: string;
  type: 'Bot' | 'User';
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
  head: { sha: string };
  state: 'open' | 'closed';
  merged_at: string | null;
  user: User;
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
  private readonly failures: (FailRule & { left: number })[] = [];
  private nextCommentId = 1001;
  private nextNumber = 1;
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
      user: { login: issue.user.login, type: issue.user.type },
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
    const record: Recorded = { method, path: url.pathname, query: url.searchParams, body, status: 0, at: Date.now(), ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}) };
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

    const failure = this.failures.find((rule) => rule.left > 0 && (!rule.method || rule.method === method) && (!rule.path || (typeof rule.path === 'string' ? rule.path === url.pathname : rule.path.test(url.pathname))));
    if (failure) {
      failure.left--;
      const message = failure.status === 404 ? NOT_FOUND : { message: failure.status === 403 || failure.status === 429 ? 'API rate limit exceeded' : 'Server Error', documentation_url: 'https://docs.github.com/rest' };
      send(failure.status, failure.body ?? message, failure.headers);
      return;
    }

    const token = request.headers.authorization?.replace(/^(token|bearer) /i, '');
    const user = token ? this.users.get(token) : undefined;
    if (token && !user) return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    const prefix = `/repos/${this.owner}/${this.repo}`;
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
      return send(200, { number: pull.number, state: pull.state, merged_at: pull.merged_at, head: { sha: pull.head.sha, ref: 'branch' }, user: { login: pull.user.login, type: pull.user.type } });
    }
    if ((match = /^\/issues\/(\d+)\/comments$/.exec(path))) {
      const number = Number(match[1]);
      if (!this.pulls.has(number) && !this.issues.some((issue) => issue.number === number)) return send(404, NOT_FOUND);
      if (method === 'GET') return this.page(url, this.commentsOn(number).map((comment) => this.commentJson(comment)), send);
      if (method === 'POST') {
        if (!needUser()) return;
        const text = (body as { body?: unknown })?.body;
        if (typeof text !== 'string' || text.length > 65536) return send(422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body' }] });
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
        let list = this.issues.filter((issue) => (state === 'all' || issue.state === state) && labels.every((label) => issue.labels.includes(label)));
        list = [...list].sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number));
        return this.page(url, list.map((issue) => this.issueJson(issue)), send);
      }
      if (method === 'POST') {
        if (!needUser()) return;
        const fields = body as { title?: unknown; body?: unknown; labels?: unknown };
        if (typeof fields?.title !== 'string' || fields.title === '') return send(422, { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }] });
        const issue = this.addIssue({ title: fields.title, body: typeof fields.body === 'string' ? fields.body : '', labels: Array.isArray(fields.labels) ? fields.labels.map(String) : [], user: user! });
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
