/**
 * The harvest's GitHub source: one organisation's (or user's) public repositories, through the REST
 * API at GITHUB_API_URL. Each repository that looks reusable becomes a component: from its
 * publiccode.yml when it has one (mapped by the importer, exactly as `npm run import` would), otherwise
 * from GitHub's own metadata (repository-component.ts). A fork of a hub component is evidence of reuse.
 * Everything else is passed over with its reason in words.
 *
 * Polite and bounded: every GET is conditional on the ETag of the last answer (a 304 costs no rate
 * limit), files are measured by the size the API gives before anything is decoded, and the
 * organisation's item cap and the run's deadline end the source early, as incomplete, saying why.
 */
import { componentSchema } from '../../../schemas/component.ts';
import { decodeUtf8, LineIndex } from '../content-files/text.ts';
import { offsetOf, parseYaml } from '../content-files/yaml.ts';
import { explainError, statusOf, type Octokit } from '../github/client.ts';
import { parseYamlInput, PUBLICCODE_MAX_BYTES } from '../import/input.ts';
import { mapPubliccode } from '../import/publiccode.ts';
import { quote } from '../import/text.ts';
import { ImportInputError, info, type PlannedRecord } from '../import/types.ts';
import { slugify } from '../slug.ts';
import { z } from 'zod';
import {
  closedLicence,
  componentFromRepository,
  githubRepositorySchema,
  reasonInWords,
  reusabilityProblems,
  titleFromName,
  type GitHubRepository,
} from './repository-component.ts';
import type { CachedResponse, HarvestContext, Refusal, ResponseCache, SourceResult } from './types.ts';

export const GITHUB_WEB = 'https://github.com/';
/** GitHub's rule for organisation and user names. */
const OWNER_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const RAW = 'application/vnd.github.raw';
/** Where a blocker's field is in a publiccode.yml, to say which line to fix. */
const PUBLICCODE_FIELDS: Record<string, string[]> = { licence: ['legal', 'license'], title: ['name'], summary: ['description'] };

/** The run's time budget ran out: the source stops where it is. */
class OutOfTime extends Error {}

/** A file the Contents API describes (GET /repos/{owner}/{repo}/contents/{path} and /readme). */
const contentFileSchema = z.object({
  type: z.string(),
  size: z.int().nonnegative(),
  name: z.string().max(300),
  path: z.string().max(1000),
  encoding: z.string().optional(),
  content: z.string().optional(),
});

/** The part of GET /repos/{owner}/{repo} that says what a fork was forked from. */
const forkSchema = z.object({
  parent: z.object({ full_name: z.string().max(200), html_url: z.string().max(300) }).optional(),
  source: z.object({ full_name: z.string().max(200), html_url: z.string().max(300) }).optional(),
});

type FileRead = { kind: 'absent' } | { kind: 'text'; text: string; name: string } | { kind: 'problem'; reason: string };

interface Counts {
  requests: number;
  notModified: number;
}

type Headers = Record<string, string | number | undefined>;

interface OctokitAnswer {
  status: number;
  url: string;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024).toLocaleString('en-GB')} KiB`;
}

/**
 * GETs through the context's octokit (its base URL, token, retries and timeouts), each conditional on
 * the cached ETag, each try counted. Cached JSON answers keep the Link header that came with them, so
 * that a page answered 304 still leads to the next.
 */
function conditionalReader(octokit: Octokit, context: HarvestContext, counts: Counts) {
  const defaults = octokit.request.endpoint.DEFAULTS.request as { fetch?: typeof fetch } | undefined;
  const baseFetch = defaults?.fetch ?? globalThis.fetch;
  // Every try, retries included, goes through fetch: counting here counts what GitHub was asked.
  const countingFetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    counts.requests++;
    return baseFetch(input, init);
  }) as typeof fetch;

  async function send(
    url: string,
    key: string,
    accept: string | undefined,
    usable: (entry: CachedResponse) => boolean,
    headers: Headers = {},
  ) {
    if (Date.now() >= context.limits.deadline) throw new OutOfTime();
    const cached = context.cache.get(key);
    const conditional = cached && usable(cached) ? cached : undefined;
    const sent: Headers = { ...headers, ...(accept ? { accept } : {}), ...(conditional ? { 'if-none-match': conditional.etag } : {}) };
    try {
      const response = (await octokit.request({ method: 'GET', url, headers: sent, request: { fetch: countingFetch } })) as OctokitAnswer;
      return { response };
    } catch (error) {
      if (conditional && statusOf(error) === 304) {
        counts.notModified++;
        return { cached: conditional };
      }
      throw error;
    }
  }

  const parseEnvelope = (body: string) => JSON.parse(body) as { link?: string; data: unknown };
  // An entry this source did not write (or a damaged one) is not sent as If-None-Match: a 304 to it would leave nothing to read.
  const parses = (entry: CachedResponse) => {
    try {
      return 'data' in parseEnvelope(entry.body);
    } catch {
      return false;
    }
  };

  /** A JSON answer, as octokit gives it (so that octokit's paginate can walk it). */
  async function json(options: { url: string; headers?: Headers }): Promise<OctokitAnswer> {
    const { response, cached } = await send(options.url, options.url, undefined, parses, options.headers);
    if (cached) {
      const { link, data } = parseEnvelope(cached.body);
      return { status: 200, url: options.url, headers: { etag: cached.etag, ...(link ? { link } : {}) }, data };
    }
    const etag = response!.headers.etag;
    const link = response!.headers.link;
    // Only JSON is kept: a raw answer to a JSON request is read, not stored.
    if (typeof etag === 'string' && typeof response!.data === 'object' && !(response!.data instanceof ArrayBuffer)) {
      context.cache.set(options.url, {
        etag,
        body: JSON.stringify({ ...(typeof link === 'string' ? { link } : {}), data: response!.data }),
      });
    }
    return response!;
  }

  /** A file's bytes through the raw media type (for files the JSON form does not carry). */
  async function raw(url: string): Promise<Uint8Array> {
    const key = `${url}#raw`;
    const { response, cached } = await send(url, key, RAW, () => true);
    if (cached) return Buffer.from(cached.body, 'utf8');
    const bytes = bytesOf(response!.data);
    const etag = response!.headers.etag;
    const decoded = decodeUtf8(bytes);
    if (typeof etag === 'string' && decoded.ok) context.cache.set(key, { etag, body: decoded.text });
    return bytes;
  }

  // octokit's paginate takes a request function with octokit's endpoint() beside it; it calls it with
  // only the method, address and headers of each page, which is all json() needs.
  const paginated = Object.assign((options: { url: string; headers?: Headers }) => json(options), {
    endpoint: octokit.request.endpoint,
  }) as unknown as Octokit['request'];
  return {
    json,
    raw,
    paginated,
    url: (route: string, parameters: Record<string, unknown>) => octokit.request.endpoint(route, parameters).url,
  };
}

type Reader = ReturnType<typeof conditionalReader>;

function bytesOf(data: unknown): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array();
}

/**
 * A file through the Contents API: its size checked against `maxBytes` before anything is decoded; the
 * base64 JSON form, or the raw form when the JSON carries no content (GitHub's answer for files over
 * 1 MB) or when the host answered raw.
 */
async function readFile(
  reader: Reader,
  url: string,
  maxBytes: number,
  what: string,
  unchanged?: { cache: ResponseCache; pushedAt: string | null | undefined },
): Promise<FileRead> {
  // GitHub gives no ETag with a 404, so "no such file" would be asked again every week, and a 404 counts
  // against the rate limit where a 304 does not. A file only appears with a push, so while the
  // repository's last push is the one seen when the file was missing, it is still missing.
  const absentKey = `${url}#absent`;
  const seenAbsent = unchanged?.pushedAt ? `pushed ${unchanged.pushedAt}` : undefined;
  if (seenAbsent && unchanged!.cache.get(absentKey)?.etag === seenAbsent) return { kind: 'absent' };
  let answer: OctokitAnswer;
  try {
    answer = await reader.json({ url });
  } catch (error) {
    if (statusOf(error) === 404) {
      if (seenAbsent) unchanged!.cache.set(absentKey, { etag: seenAbsent, body: '' });
      return { kind: 'absent' };
    }
    throw error;
  }
  let bytes: Uint8Array;
  let name = what;
  if (typeof answer.data === 'string' || answer.data instanceof ArrayBuffer) {
    bytes = bytesOf(answer.data);
  } else {
    const file = contentFileSchema.safeParse(answer.data);
    if (!file.success)
      return {
        kind: 'problem',
        reason: `${what} is not a file (GitHub lists ${Array.isArray(answer.data) ? 'a folder' : 'something else'} there)`,
      };
    if (file.data.type !== 'file') return { kind: 'problem', reason: `${what} is a ${file.data.type}, not a file` };
    name = file.data.name;
    if (file.data.size > maxBytes)
      return { kind: 'problem', reason: `${what} is ${size(file.data.size)}; the harvest reads at most ${size(maxBytes)}` };
    if (file.data.encoding === 'base64' && file.data.content) bytes = Buffer.from(file.data.content, 'base64');
    else if (file.data.size === 0) bytes = new Uint8Array();
    else bytes = await reader.raw(url);
  }
  if (bytes.byteLength > maxBytes)
    return { kind: 'problem', reason: `${what} is ${size(bytes.byteLength)}; the harvest reads at most ${size(maxBytes)}` };
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { kind: 'problem', reason: `${what} cannot be read: ${decoded.reason}` };
  return { kind: 'text', text: decoded.text, name };
}

/** The fields in the order the schema lists them, as in every record. */
function inSchemaOrder(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(componentSchema.shape)
      .filter((key) => fields[key] !== undefined)
      .map((key) => [key, fields[key]]),
  );
}

/** "line 4, column 3 (legal.license)" for a publiccode.yml field, when the file says where. */
function whereIn(text: string, field: string | undefined): string {
  const path = field ? PUBLICCODE_FIELDS[field] : undefined;
  if (!path) return '';
  try {
    const offset = offsetOf(parseYaml(text).document(), path);
    const { line, column } = new LineIndex(text).position(offset);
    return `, line ${line}, column ${column} (${path.join('.')})`;
  } catch {
    return '';
  }
}

/** A repository's publiccode.yml as a record, or what its publisher must fix, and where. */
function fromPubliccode(repository: GitHubRepository, text: string, fileAddress: string, context: HarvestContext): PlannedRecord | Refusal {
  const title = titleFromName(repository.name);
  const refuse = (reasons: string[]): Refusal => ({ upstream: repository.html_url, title, reasons });
  let document: unknown;
  try {
    document = parseYamlInput({ name: `The publiccode.yml at ${fileAddress}`, text });
  } catch (error) {
    if (!(error instanceof ImportInputError)) throw error;
    return refuse([`${error.message} Correct it in the repository: the next harvest reads it again.`]);
  }
  let record: PlannedRecord;
  try {
    record = mapPubliccode(document, {
      licences: context.licences,
      themes: context.themes,
      organisations: context.organisations,
      owner: context.organisation,
      slug: slugify(repository.name),
      otherLanguages: context.otherLanguages,
    }).record;
  } catch (error) {
    if (!(error instanceof ImportInputError)) throw error;
    return refuse([
      `The publiccode.yml at ${fileAddress} cannot be used: ${error.message}. Correct it in ` +
        'the repository, or delete it to be harvested from the repository’s description instead.',
    ]);
  }
  const blockers = record.notes.filter((note) => note.level === 'blocker');
  if (blockers.length > 0) {
    return refuse(
      blockers.map(
        (note) =>
          `The publiccode.yml at ${fileAddress}${whereIn(text, note.field)}: ` +
          `${note.message.replace(/ and import it again\.$/, ': the next harvest reads it again.')}`,
      ),
    );
  }
  // Known to the hub is not enough: code needs an open licence the Open Source Initiative approves, and
  // the place to say so is the file's own line, not the record's.
  const licence = context.licences.get(String(record.fields.licence));
  if (licence && (!licence.open || !licence.osiApproved)) {
    return refuse([
      `The publiccode.yml at ${fileAddress}${whereIn(text, 'licence')}: its licence, ${licence.name} (${licence.id}), ` +
        `is ${licence.open ? 'not one the Open Source Initiative approves' : 'not an open licence'}, which code on the hub needs. ` +
        'If the software is under an open-source licence as well, name that one in legal.license: the next harvest reads it again.',
    ]);
  }
  // The repository is where the publiccode.yml was found, whatever its url says.
  if (record.fields.repository_url === undefined) record.fields = inSchemaOrder({ ...record.fields, repository_url: repository.html_url });
  return record;
}

function isRefusal(value: PlannedRecord | Refusal): value is Refusal {
  return 'reasons' in value;
}

/** Whether a repository is named in the organisation's leave_out (its name, or owner/name; any case). */
function leftOut(repository: GitHubRepository, leaveOut: readonly string[]): boolean {
  const names = new Set([repository.name.toLowerCase(), repository.full_name.toLowerCase()]);
  return leaveOut.some((entry) =>
    names.has(
      entry
        .trim()
        .toLowerCase()
        .replace(/^https:\/\/github\.com\//, '')
        .replace(/\/+$/, ''),
    ),
  );
}

/** Errors after which no further request can succeed this run: the token, permissions or the rate limit. */
function stopsEverything(error: unknown): boolean {
  const status = statusOf(error);
  return status === 401 || status === 403 || status === 429;
}

export async function harvestGitHub(source: { owner: string }, context: HarvestContext): Promise<SourceResult> {
  const counts: Counts = { requests: 0, notModified: 0 };
  const result: SourceResult = {
    source: { kind: 'github', owner: source.owner },
    label: `GitHub: ${source.owner}`,
    address: `${GITHUB_WEB}${source.owner}/`,
    records: [],
    refused: [],
    skipped: [],
    uses: [],
    complete: true,
    requests: 0,
    notModified: 0,
  };
  const settingsFile = `content/organisations/${context.organisation}.yaml`;
  const failures: string[] = [];
  const fail = (reason: string) => {
    result.complete = false;
    if (!failures.includes(reason)) failures.push(reason);
  };
  const finish = () => {
    if (failures.length > 0)
      result.failure = failures.slice(0, 5).join(' ') + (failures.length > 5 ? ` (and ${failures.length - 5} more problems)` : '');
    result.requests = counts.requests;
    result.notModified = counts.notModified;
    context.log(
      `${result.label}: ${result.records.length} proposed, ${result.refused.length} refused, ` +
        `${result.skipped.length} passed over, ${result.uses.length} forks of hub components; ` +
        `${counts.requests} requests (${counts.notModified} not modified)${result.complete ? '' : `; incomplete: ${result.failure}`}`,
    );
    return result;
  };
  if (!OWNER_NAME.test(source.owner)) {
    fail(
      `${quote(source.owner)} is not a GitHub organisation or user name: check \`github\` ` +
        `in ${settingsFile} (a name such as example-council, without @ or https://github.com/).`,
    );
    return finish();
  }

  const reader = conditionalReader(context.octokit, context, counts);
  const cap = context.limits.maxItemsPerOrganisation;

  // The list: the organisation's public repositories, or the user's when there is no such organisation.
  const listed: unknown[] = [];
  // The list stops once it holds as many repositories as the source may take: reading on costs requests for nothing.
  let listCut = false;
  try {
    let pages: AsyncIterable<{ data: unknown }> | undefined;
    for (const [route, type] of [
      ['/orgs/{org}/repos', 'public'],
      ['/users/{org}/repos', 'owner'],
    ] as const) {
      const parameters = { method: 'GET', url: route, org: source.owner, type, sort: 'full_name', per_page: 100 };
      // paginate's types give a request function's parameters the type of its last overload (a route
      // string); it is called with endpoint options like these, as octokit documents.
      const iterator = context.octokit.paginate.iterator(reader.paginated, parameters as unknown as string) as AsyncIterable<{
        data: unknown;
      }>;
      try {
        for await (const page of iterator) {
          if (!pages) pages = iterator;
          listed.push(...(Array.isArray(page.data) ? page.data : []));
          if (listed.length >= cap) {
            listCut = true;
            break;
          }
        }
        break;
      } catch (error) {
        // Not an organisation: try the same name as a user, once.
        if (statusOf(error) === 404 && !pages && route.startsWith('/orgs/')) continue;
        throw error;
      }
    }
  } catch (error) {
    if (error instanceof OutOfTime) fail('The run’s time budget ran out while listing its repositories.');
    else if (statusOf(error) === 404)
      fail(`GitHub has no organisation or user called ${source.owner}: check \`github\` in ${settingsFile}.`);
    else fail(explainError(error, `list the repositories of ${source.owner}`));
    return finish();
  }

  const repositories: GitHubRepository[] = [];
  const seen = new Set<number>();
  for (const item of listed) {
    const parsed = githubRepositorySchema.safeParse(item);
    if (!parsed.success) {
      const name = (item as { name?: unknown })?.name;
      result.skipped.push({
        upstream: `${result.address}${typeof name === 'string' && /^[\w.-]{1,100}$/.test(name) ? name : ''}`,
        reason: 'GitHub’s answer for this repository is not in the shape the harvest reads, so it was passed over',
      });
      continue;
    }
    if (seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    repositories.push(parsed.data);
  }
  // GitHub's own spelling of the owner, as every repository address has it.
  const login = repositories.find((repository) => repository.owner.login.toLowerCase() === source.owner.toLowerCase())?.owner.login;
  if (login) {
    result.label = `GitHub: ${login}`;
    result.address = `${GITHUB_WEB}${login}/`;
  }
  context.log(`${result.label}: ${repositories.length} public repositories listed.`);

  const items = () => result.records.length + result.refused.length + result.skipped.length + result.uses.length;
  const topics = context.filter.topics.map((topic) => topic.toLowerCase());
  for (const [index, repository] of repositories.entries()) {
    if (items() >= cap) {
      fail(
        `Stopped after ${cap.toLocaleString('en-GB')} repositories, the most the harvest takes ` +
          `from one organisation in a run; ${listCut ? 'more' : repositories.length - index} ` +
          `were not read. Narrow what is harvested with harvest: topics in ${settingsFile}.`,
      );
      listCut = false;
      break;
    }
    const upstream = repository.html_url;
    const skip = (reason: string) => result.skipped.push({ upstream, reason });
    if (
      repository.owner.login.toLowerCase() !== source.owner.toLowerCase() ||
      upstream.toLowerCase() !== `${GITHUB_WEB}${repository.owner.login}/${repository.name}`.toLowerCase()
    ) {
      skip(
        `GitHub gives its address as ${quote(upstream)}, which is not a repository of ${source.owner} on github.com, so it was passed over`,
      );
      continue;
    }
    if (leftOut(repository, context.filter.leaveOut)) {
      skip(`left out by the organisation’s settings (harvest: leave_out in ${settingsFile})`);
      continue;
    }
    try {
      if (repository.fork) {
        if (repository.private || repository.archived) {
          skip(reasonInWords([repository.archived ? 'it is an archived fork' : 'it is not public']));
          continue;
        }
        const answer = await reader.json({
          url: reader.url('GET /repos/{owner}/{repo}', { owner: repository.owner.login, repo: repository.name }),
        });
        const fork = forkSchema.safeParse(answer.data);
        const origins = fork.success ? [fork.data.parent, fork.data.source].filter((origin) => origin !== undefined) : [];
        const component = origins
          .map((origin) => context.componentsByRepository.get(origin.html_url.toLowerCase().replace(/\/+$/, '')))
          .find((id) => id !== undefined);
        if (component) result.uses.push({ component, fork: upstream });
        else
          skip(
            reasonInWords([origins[0] ? `it is a fork of ${origins[0].full_name}, which is not a component on the hub` : 'it is a fork']),
          );
        continue;
      }
      if (topics.length > 0 && !repository.topics.some((topic) => topics.includes(topic.toLowerCase()))) {
        skip(
          `left out by the organisation’s settings: it has none of the topics ${topics.join(', ')} (harvest: topics in ${settingsFile})`,
        );
        continue;
      }
      const problems = reusabilityProblems(repository, context.licences, context.now);
      const licence = closedLicence(repository, context.licences);
      if (problems.length === 1 && problems[0] === licence) {
        // Reusable but for a licence the hub cannot take: the publisher is told, in the pull request.
        result.refused.push({
          upstream,
          title: titleFromName(repository.name),
          reasons: [
            `${licence}: code on the hub must be open source, so it is not harvested. ` +
              'To share it, license it under an open-source licence such as MIT.',
          ],
        });
        continue;
      }
      if (problems.length > 0) {
        skip(reasonInWords(problems));
        continue;
      }

      const branch = repository.default_branch ?? 'HEAD';
      const publiccodeAddress = `${upstream}/blob/${branch}/publiccode.yml`;
      const publiccode = await readFile(
        reader,
        reader.url('GET /repos/{owner}/{repo}/contents/{path}', {
          owner: repository.owner.login,
          repo: repository.name,
          path: 'publiccode.yml',
        }),
        PUBLICCODE_MAX_BYTES,
        `The publiccode.yml at ${publiccodeAddress}`,
        { cache: context.cache, pushedAt: repository.pushed_at },
      );
      if (publiccode.kind === 'problem') {
        result.refused.push({
          upstream,
          title: titleFromName(repository.name),
          reasons: [
            `${publiccode.reason}. Correct it in the repository (a publiccode.yml is a short ` +
              'file), or delete it to be harvested from the repository’s description instead.',
          ],
        });
        continue;
      }
      if (publiccode.kind === 'text') {
        const mapped = fromPubliccode(repository, publiccode.text, publiccodeAddress, context);
        if (isRefusal(mapped)) result.refused.push(mapped);
        else result.records.push({ record: mapped, upstream, title: String(mapped.fields.title) });
        continue;
      }

      const readme = await readFile(
        reader,
        reader.url('GET /repos/{owner}/{repo}/readme', { owner: repository.owner.login, repo: repository.name }),
        context.limits.maxFileBytes,
        'Its README',
        { cache: context.cache, pushedAt: repository.pushed_at },
      );
      const record = componentFromRepository(repository, readme.kind === 'text' ? readme.text : undefined, {
        licences: context.licences,
        themes: context.themes,
      });
      if (readme.kind === 'problem') record.notes.push(info(`${readme.reason}, so the text does not quote it.`));
      result.records.push({ record, upstream, title: String(record.fields.title) });
    } catch (error) {
      if (error instanceof OutOfTime) {
        fail(`The run’s time budget ran out after ${index} of its ${repositories.length} repositories: the rest are read on the next run.`);
        break;
      }
      fail(`${repository.full_name}: ${explainError(error, `read ${repository.full_name}`)}`);
      if (stopsEverything(error)) break;
    }
  }
  if (listCut)
    fail(
      `It has more public repositories than the ${cap.toLocaleString('en-GB')} the harvest reads for one organisation ` +
        `in a run: the rest were not read. Narrow what is harvested with harvest: topics in ${settingsFile}.`,
    );
  return finish();
}
