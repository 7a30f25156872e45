/**
 * What a pull request changes in the hub, for its reviewers: the records added, changed and removed,
 * every problem the validator finds (marking those in changed files), whose records they are (with
 * anything a hub maintainer should check), and similar work already in the hub, with the maintainers of
 * the organisations doing it, so that they can be asked to review.
 *
 * It runs in the pull request's own checkout, with a read-only token and no secrets, and never talks
 * to GitHub. Ownership is judged by the maintainers listed at the BASE commit, never by the pull
 * request's own version: a pull request cannot make its author a maintainer.
 */
import { readFileSync, lstatSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { classifyPath, isPathProblem, type ContentPath } from '../content-files/files.ts';
import { splitFrontMatter } from '../content-files/text.ts';
import { parseYaml } from '../content-files/yaml.ts';
import type { ContentRecord, HubContent } from '../content-files/types.ts';
import { compareById } from '../collation.ts';
import { STRONG_MATCH } from '../collaborate.ts';
import { contentOverlaps } from '../content-overlaps.ts';
import { today as todayDate } from '../freshness.ts';
import { validateContent, type ValidationReport } from '../validation/validate.ts';
import {
  changedContentFiles,
  fileAt,
  findRepository,
  GitError,
  mergeBase,
  resolveCommit,
  type ChangedFile,
  type Repository,
} from './git.ts';
import { clean } from './markdown.ts';
import { authorStatus, decodeContent, mentionsOf, organisationFacts, type OrganisationFacts } from './ownership.ts';
import {
  LIMITS,
  pagePath,
  REPORT_VERSION,
  type FileStatus,
  type Ownership,
  type OwnershipFlagKind,
  type PrReport,
  type RecordEntry,
  type ReportProblem,
  type Similar,
} from './report.ts';

export interface ReportOptions {
  contentDir: string;
  /** The commit the pull request would merge into; with `merge`, optional (it is the merge's first parent). */
  base?: string;
  head: string;
  /**
   * GitHub's test merge of the pull request into its base (what actions/checkout checks out on
   * pull_request): its first parent is the base as it is now, its second the pull request's head. With
   * it, the report compares the base with the merge (what merging would change) instead of the head with
   * where the branch began, so it needs only these three commits (fetch-depth: 2), not the history back
   * to the branch point.
   */
  merge?: string;
  pr: number;
  author: string | null;
  /** YYYY-MM-DD, for review dates and overlaps' time spans; defaults to today. */
  today?: string;
  /** When the report was made; defaults to now. */
  now?: Date;
}

type Located = Extract<ContentPath, { kind: 'record' }> | { kind: 'organisation'; id: string };

interface Side {
  /** Where the file is, relative to the repository. */
  file: string;
  path: Located | undefined;
}

/** What a content path is, relative to the repository, or undefined if it is not a record or organisation. */
function locate(repository: Repository, file: string): Located | undefined {
  const prefix = `${repository.contentPath}/`;
  if (!file.startsWith(prefix)) return undefined;
  const path = classifyPath(file.slice(prefix.length));
  if (isPathProblem(path)) return undefined;
  return path.kind === 'record' || path.kind === 'organisation' ? path : undefined;
}

function idOf(path: Located): string {
  return path.kind === 'organisation' ? `organisations/${path.id}` : `${path.collection}/${path.organisation}/${path.slug}`;
}

function organisationOf(path: Located): string {
  return path.kind === 'organisation' ? path.id : path.organisation;
}

/** The title (or an organisation's name) from a file's text, read leniently: the file may be broken. */
function titleFromText(text: string | undefined, path: Located): string | undefined {
  if (text === undefined) return undefined;
  let yaml = text;
  if (path.kind === 'record' && path.extension === '.md') {
    const split = splitFrontMatter(text);
    if ('error' in split) return undefined;
    yaml = split.yaml;
  }
  const value = parseYaml(yaml).value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const title = (value as Record<string, unknown>)[path.kind === 'organisation' ? 'name' : 'title'];
  return typeof title === 'string' ? title : undefined;
}

function readWorkingFile(top: string, file: string): string | undefined {
  const absolute = join(top, file);
  try {
    const stat = lstatSync(absolute);
    if (!stat.isFile()) return undefined;
    return decodeContent(readFileSync(absolute));
  } catch {
    return undefined;
  }
}

class Builder {
  readonly repository: Repository;
  readonly base: string;
  /** Where the pull request's changes are measured from: where its branch began, or with a merge, the base. */
  readonly before: string;
  readonly content: HubContent;
  readonly recordsById: Map<string, ContentRecord>;
  readonly organisationsNow: Map<string, HubContent['organisations'][number]>;
  private readonly baseFacts = new Map<string, OrganisationFacts | undefined>();
  private readonly beforeFacts = new Map<string, OrganisationFacts | undefined>();

  constructor(repository: Repository, base: string, before: string, content: HubContent) {
    this.repository = repository;
    this.base = base;
    this.before = before;
    this.content = content;
    this.recordsById = new Map(content.records.map((record) => [record.id, record]));
    this.organisationsNow = new Map(content.organisations.map((organisation) => [organisation.id, organisation]));
  }

  organisationFile(id: string): string {
    return `${this.repository.contentPath}/organisations/${id}.yaml`;
  }

  /** An organisation at the base commit: the trusted version. */
  atBase(id: string): OrganisationFacts | undefined {
    if (!this.baseFacts.has(id)) this.baseFacts.set(id, this.factsAt(this.base, id));
    return this.baseFacts.get(id);
  }

  /** An organisation before the pull request (where it branched, or the base it merges into): what its changes are measured from. */
  atBefore(id: string): OrganisationFacts | undefined {
    if (!this.beforeFacts.has(id)) this.beforeFacts.set(id, this.factsAt(this.before, id));
    return this.beforeFacts.get(id);
  }

  private factsAt(commit: string, id: string): OrganisationFacts | undefined {
    const text = decodeContent(fileAt(this.repository, commit, this.organisationFile(id)));
    return text === undefined ? undefined : organisationFacts(text);
  }

  /** An organisation as the pull request leaves it (its file in the checkout). */
  now(id: string): OrganisationFacts | undefined {
    const valid = this.organisationsNow.get(id);
    if (valid)
      return {
        name: valid.data.name,
        maintainers: mentionsOf(valid.data.maintainers ?? []),
        demonstration: valid.data.demonstration === true,
      };
    const text = readWorkingFile(this.repository.top, this.organisationFile(id));
    return text === undefined ? undefined : organisationFacts(text);
  }

  organisationName(id: string): string {
    return this.now(id)?.name ?? this.atBase(id)?.name ?? id;
  }

  demonstration(id: string): boolean {
    return (this.now(id) ?? this.atBase(id))?.demonstration === true;
  }

  entry(side: Side & { path: Located }, when: 'now' | 'before', previous?: Side): RecordEntry {
    const id = idOf(side.path);
    const organisation = organisationOf(side.path);
    let title: string | undefined;
    if (when === 'now') {
      const record = this.recordsById.get(id);
      title = side.path.kind === 'organisation' ? this.now(organisation)?.name : record?.data.title;
      title ??= titleFromText(readWorkingFile(this.repository.top, side.file), side.path);
    } else {
      title = titleFromText(decodeContent(fileAt(this.repository, this.before, side.file)), side.path);
    }
    return {
      collection: side.path.kind === 'organisation' ? 'organisations' : side.path.collection,
      id,
      title: clean(title ?? (side.path.kind === 'organisation' ? side.path.id : side.path.slug), LIMITS.title),
      organisation: { id: organisation, name: clean(this.organisationName(organisation), LIMITS.name) },
      file: side.file,
      page: pagePath(id),
      demonstration: this.demonstration(organisation),
      ...(previous?.path ? { previous: { id: idOf(previous.path), file: previous.file } } : {}),
    };
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value.toLowerCase() === b[index].toLowerCase());
}

/** A commit's nth parent, or undefined when it has none (a commit that is not a merge has no second). */
function parentOf(repository: Repository, commit: string, n: 1 | 2): string | undefined {
  try {
    return resolveCommit(repository, `${commit}^${n}`);
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}

/**
 * The base and the head, and the two commits whose difference is the pull request: from where its
 * branch began to its head (`git diff base...head`), or with `merge`, from the base to the merge, once
 * the merge's parents are checked to be the base and the head.
 */
function commitsOf(repository: Repository, options: ReportOptions): { base: string; head: string; before: string; after: string } {
  const head = resolveCommit(repository, options.head);
  if (options.merge === undefined) {
    if (options.base === undefined)
      throw new GitError('give the base commit (--base), or the merge commit (--merge) whose first parent is the base.');
    const base = resolveCommit(repository, options.base);
    return { base, head, before: mergeBase(repository, base, head), after: head };
  }
  const merge = resolveCommit(repository, options.merge);
  const first = parentOf(repository, merge, 1);
  const second = parentOf(repository, merge, 2);
  if (first === undefined || second !== head) {
    throw new GitError(
      `${options.merge} (${merge}) is not a merge of the pull request's head ${head} into its base: ` +
        `${
          first === undefined
            ? 'it has no parent here'
            : second === undefined
              ? `its only parent is ${first}`
              : `its parents are ${first} and ${second}`
        }. ` +
        "Check out GitHub's merge commit of the pull request (what actions/checkout does " +
        'on pull_request) with fetch-depth: 2, or leave out --merge and give --base.',
    );
  }
  if (options.base !== undefined && resolveCommit(repository, options.base) !== first) {
    throw new GitError(
      `--base ${options.base} is not the first parent of the merge ${merge} ` +
        `(${first}): leave --base out, and the merge's own base is used.`,
    );
  }
  return { base: first, head, before: first, after: merge };
}

export function buildReport(options: ReportOptions): PrReport {
  const contentDir = resolve(options.contentDir);
  const repository = findRepository(contentDir);
  const { base, head, before, after } = commitsOf(repository, options);
  const today = options.today ?? todayDate();
  // base...after: from the merge base of the two, which for a merge is the base, its own parent.
  const changedFiles = changedContentFiles(repository, base, after);
  const validation = validateContent({ contentDir, today });
  const builder = new Builder(repository, base, before, validation.content);

  // 1. Records added, changed and removed, and the organisations they belong to.
  const added: RecordEntry[] = [];
  const changed: RecordEntry[] = [];
  const removed: RecordEntry[] = [];
  const touched = new Map<string, Set<string>>();
  const touch = (path: Located) => {
    const organisation = organisationOf(path);
    if (!touched.has(organisation)) touched.set(organisation, new Set());
    touched.get(organisation)!.add(idOf(path));
  };
  const organisationFileChanges = new Map<string, FileStatus>();
  for (const change of changedFiles) {
    const now: Side = { file: change.file, path: locate(repository, change.file) };
    const before: Side | undefined =
      change.previous !== undefined ? { file: change.previous, path: locate(repository, change.previous) } : undefined;
    for (const side of [now, before]) if (side?.path) touch(side.path);
    for (const side of [now, before])
      if (side?.path?.kind === 'organisation') organisationFileChanges.set(side.path.id, side === before ? 'deleted' : change.status);

    if (change.status === 'deleted') {
      if (now.path) removed.push(builder.entry({ ...now, path: now.path }, 'before'));
    } else if (change.status === 'renamed') {
      if (now.path && before?.path) {
        changed.push(builder.entry({ ...now, path: now.path }, 'now', idOf(now.path) === idOf(before.path) ? undefined : before));
      } else if (now.path) added.push(builder.entry({ ...now, path: now.path }, 'now'));
      else if (before?.path) removed.push(builder.entry({ ...before, path: before.path }, 'before'));
    } else if (change.status === 'added' || change.status === 'copied') {
      if (now.path) added.push(builder.entry({ ...now, path: now.path }, 'now'));
    } else if (now.path) {
      changed.push(builder.entry({ ...now, path: now.path }, 'now'));
    }
  }
  // A rename whose new file also appears as added would be listed twice; git never reports that, but keep ids unique.
  for (const list of [added, changed, removed]) list.sort(compareById);

  // 2. Problems: everything the validator found, with those in changed files first.
  const displayPrefix = relative(dirname(contentDir), contentDir).split('\\').join('/') || basename(contentDir);
  const toRepositoryPath = (file: string) =>
    file.startsWith(`${displayPrefix}/`) ? `${repository.contentPath}/${file.slice(displayPrefix.length + 1)}` : file;
  const changedPaths = new Set(changedFiles.filter((change) => change.status !== 'deleted').map((change) => change.file));
  const problems: ReportProblem[] = [...validation.errors, ...validation.warnings].map((problem) => {
    const file = toRepositoryPath(problem.file);
    return {
      severity: problem.severity,
      rule: clean(problem.rule, LIMITS.rule),
      file: clean(file, LIMITS.file) || '(unknown file)',
      line: problem.line,
      column: problem.column,
      field: clean(problem.field, LIMITS.field),
      message: clean(problem.message, LIMITS.message),
      ...(problem.fix ? { fix: clean(problem.fix, LIMITS.fix) } : {}),
      inChangedFile: changedPaths.has(file),
    };
  });
  const rank = (problem: ReportProblem) => (problem.inChangedFile ? 0 : 2) + (problem.severity === 'error' ? 0 : 1);
  problems.sort((a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  // Grouped by file within each rank, so that a file's errors come together.
  const count = (severity: 'error' | 'warning', changedOnly: boolean) =>
    problems.filter((problem) => problem.severity === severity && (!changedOnly || problem.inChangedFile)).length;

  // 3. Ownership, from the maintainers at the base commit.
  const ownership: Ownership[] = [];
  for (const [organisation, ids] of [...touched].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const trusted = builder.atBase(organisation);
    const maintainers = trusted?.maintainers ?? [];
    const name = builder.organisationName(organisation);
    const flags: Ownership['flags'] = [];
    const flag = (kind: OwnershipFlagKind, message: string, extra: { added?: string[]; removed?: string[] } = {}) =>
      flags.push({ kind, message: clean(message, LIMITS.message), ...extra });
    const author = options.author;
    const teams = maintainers.filter((handle) => handle.includes('/'));
    switch (authorStatus(author, maintainers)) {
      case 'unknown':
        flag('author-unknown', `The pull request's author was not given, so the changes were not checked against ${name}'s maintainers.`);
        break;
      case 'no-maintainers':
        flag('no-maintainers', `${name} lists no maintainers: a hub maintainer should check that @${author} works for or with ${name}.`);
        break;
      case 'not-listed':
        flag(
          'not-maintainer',
          `@${author} is not one of ${name}'s maintainers (${maintainers.join(', ')}): ` +
            `a hub maintainer should check that they may change ${name}'s records.`,
        );
        break;
      case 'maybe-in-team':
        flag(
          'maybe-in-team',
          `@${author} is not listed by name among ${name}'s maintainers; if they are in team ${teams.join(' or ')}, ignore this.`,
        );
        break;
      default:
    }
    const fileChange = organisationFileChanges.get(organisation);
    if (fileChange !== undefined) {
      const before = builder.atBefore(organisation);
      const after = fileChange === 'deleted' ? undefined : builder.now(organisation);
      if (!trusted && after)
        flag(
          'new-organisation',
          `${name} is new to the hub: a hub maintainer should check that it is a real body and that the author may speak for it.`,
        );
      if (fileChange === 'deleted') flag('organisation-removed', `This pull request removes ${name}'s file.`);
      const was = before?.maintainers ?? [];
      const will = after?.maintainers ?? [];
      if (!sameList(was, will)) {
        const lower = (list: string[]) => new Set(list.map((handle) => handle.toLowerCase()));
        const addedHandles = will.filter((handle) => !lower(was).has(handle.toLowerCase()));
        const removedHandles = was.filter((handle) => !lower(will).has(handle.toLowerCase()));
        flag(
          'maintainers-changed',
          `This pull request changes who maintains ${name}` +
            `${addedHandles.length ? `: adds ${addedHandles.join(', ')}` : ''}` +
            `${removedHandles.length ? `${addedHandles.length ? ';' : ':'} removes ${removedHandles.join(', ')}` : ''}` +
            `${!addedHandles.length && !removedHandles.length ? ' (their order)' : ''}. ` +
            'Only a hub maintainer should approve it.',
          { added: addedHandles.slice(0, LIMITS.maintainers), removed: removedHandles.slice(0, LIMITS.maintainers) },
        );
      }
    }
    const list = [...ids].sort();
    ownership.push({
      organisation: { id: organisation, name: clean(name, LIMITS.name) },
      demonstration: builder.demonstration(organisation),
      maintainers: maintainers.slice(0, LIMITS.maintainers),
      records: list.slice(0, LIMITS.recordsPerOrganisation),
      recordsLeftOut: Math.max(0, list.length - LIMITS.recordsPerOrganisation),
      flags,
    });
  }

  // 4. Similar work: the strongest overlaps of each added or changed roadmap item, and the strong matches
  // of each added component or dataset (the same thing already on the hub), as the hub finds them, with
  // each other organisation's maintainers at the base commit (a pull request cannot change who is asked).
  const similar = findSimilar(added, changed, validation, builder, today);

  const records = {
    added: added.slice(0, LIMITS.records),
    changed: changed.slice(0, LIMITS.records),
    removed: removed.slice(0, LIMITS.records),
  };
  return {
    version: REPORT_VERSION,
    pr: options.pr,
    base,
    head,
    author: options.author,
    generated: (options.now ?? new Date()).toISOString(),
    validation: {
      errors: validation.errors.length,
      warnings: validation.warnings.length,
      errorsInChangedFiles: count('error', true),
      warningsInChangedFiles: count('warning', true),
      records: validation.checked,
      problems: problems.slice(0, LIMITS.problems),
    },
    records: {
      ...records,
      leftOut: {
        added: added.length - records.added.length,
        changed: changed.length - records.changed.length,
        removed: removed.length - records.removed.length,
      },
    },
    files: changedFiles.slice(0, LIMITS.files).map((change: ChangedFile) => ({
      status: change.status,
      file: clean(change.file, LIMITS.file) || '(unnamed)',
      ...(change.previous !== undefined ? { previous: clean(change.previous, LIMITS.file) || '(unnamed)' } : {}),
    })),
    filesLeftOut: Math.max(0, changedFiles.length - LIMITS.files),
    ownership: ownership.slice(0, LIMITS.ownership),
    similar,
  };
}

function findSimilar(
  added: RecordEntry[],
  changed: RecordEntry[],
  { content, reference }: ValidationReport,
  builder: Builder,
  today: string,
): Similar[] {
  // Added components and datasets first: a duplicate is a reason not to merge, and reviewers read it first.
  const things = added.filter((entry) => entry.collection === 'components' || entry.collection === 'datasets');
  const roadmap = [...added, ...changed].filter((entry) => entry.collection === 'roadmap');
  const wanted = [...things, ...roadmap].filter((entry) => builder.recordsById.has(entry.id));
  if (wanted.length === 0) return [];
  const names = new Map(content.organisations.map((organisation) => [organisation.id, organisation.data.name]));
  // As src/hub/hub.ts calls it: demonstration work is never offered to a real council, nor the reverse.
  const result = contentOverlaps(content, reference, today);
  const similar: Similar[] = [];
  for (const entry of wanted) {
    // A component or dataset only with a strong match: "this looks like X already on the hub" must mean it.
    const matches = (result.byItem.get(entry.id) ?? [])
      .filter(({ overlap }) => overlap.kind === 'roadmap' || overlap.score >= STRONG_MATCH)
      .slice(0, LIMITS.matches);
    if (matches.length === 0) continue;
    similar.push({
      id: entry.id,
      title: entry.title,
      matches: matches.map(({ other, overlap }) => {
        const record = builder.recordsById.get(other);
        const organisation = record?.organisation ?? other.split('/')[1];
        return {
          id: other,
          title: clean(record?.data.title ?? other, LIMITS.title),
          organisation: { id: organisation, name: clean(names.get(organisation) ?? organisation, LIMITS.name) },
          score: overlap.score,
          reasons: clean(overlap.summary, LIMITS.reasons),
          maintainers: (builder.atBase(organisation)?.maintainers ?? []).slice(0, LIMITS.maintainers),
          demonstration: builder.demonstration(organisation),
        };
      }),
    });
  }
  return similar.slice(0, LIMITS.similar);
}
