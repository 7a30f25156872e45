/**
 * Who looks after an organisation's records: the GitHub users and teams in its `maintainers`, and the
 * hub's own maintainers team, who review everything. Shared by CODEOWNERS, the pull-request report and
 * comment, and the freshness issues.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_FILE_BYTES } from '../content-files/read-file.ts';
import { decodeUtf8 } from '../content-files/text.ts';
import { parseYaml } from '../content-files/yaml.ts';
import { isSlug } from '../slug.ts';
import { HANDLE } from './report.ts';

/**
 * The hub maintainers' team: default owner of every file in CODEOWNERS, and who is asked when an
 * organisation has no maintainers. A placeholder until the hub's GitHub organisation exists: set
 * HUB_MAINTAINERS_TEAM (or pass --hub-team) to the real team, and regenerate .github/CODEOWNERS.
 */
export const DEFAULT_HUB_TEAM = '@council-commons/maintainers';

export function hubTeam(explicit?: string, env: Record<string, string | undefined> = process.env): string {
  const team = explicit ?? (env.HUB_MAINTAINERS_TEAM || DEFAULT_HUB_TEAM);
  if (!/^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(team)) {
    throw new Error(`the hub maintainers team must be written @organisation/team, e.g. ${DEFAULT_HUB_TEAM}, not "${team}".`);
  }
  return team;
}

export interface Handle {
  /** As CODEOWNERS and mentions write it: @octocat or @org/team. */
  mention: string;
  team: boolean;
  /** The user name (lowercase) for a user, undefined for a team. */
  user?: string;
}

/** A maintainer as organisation files write one (octocat, @octocat, @org/team), or undefined if it is not one. */
export function parseHandle(raw: unknown): Handle | undefined {
  if (typeof raw !== 'string' || !HANDLE.test(raw)) return undefined;
  const bare = raw.replace(/^@/, '');
  const team = bare.includes('/');
  return { mention: `@${bare}`, team, ...(team ? {} : { user: bare.toLowerCase() }) };
}

/** The valid handles of a list, as mentions, without repeats (case-insensitive), in their order. */
export function mentionsOf(maintainers: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of maintainers) {
    const handle = parseHandle(raw);
    if (handle && !seen.has(handle.mention.toLowerCase())) {
      seen.add(handle.mention.toLowerCase());
      out.push(handle.mention);
    }
  }
  return out;
}

export interface OrganisationFacts {
  name?: string;
  maintainers: string[];
  demonstration: boolean;
}

/** The few facts ownership needs from an organisation file's text; undefined when it is not readable YAML fields. */
export function organisationFacts(text: string): OrganisationFacts | undefined {
  const parsed = parseYaml(text);
  const value = parsed.value;
  if (parsed.issues.length > 0 || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const fields = value as Record<string, unknown>;
  return {
    ...(typeof fields.name === 'string' ? { name: fields.name } : {}),
    maintainers: Array.isArray(fields.maintainers) ? mentionsOf(fields.maintainers.slice(0, 20)) : [],
    demonstration: fields.demonstration === true,
  };
}

/** Decodes a file's bytes as content does (UTF-8, BOM allowed, at most 256 KiB), or undefined. */
export function decodeContent(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes || bytes.byteLength > MAX_FILE_BYTES) return undefined;
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? decoded.text : undefined;
}

/**
 * An organisation's facts from the content folder on disk: a real file (never a link), at most 256 KiB.
 * Used by the trusted jobs, whose checkout is the default branch.
 */
export function readOrganisation(contentDir: string, id: string): OrganisationFacts | undefined {
  if (!isSlug(id)) return undefined;
  const path = join(contentDir, 'organisations', `${id}.yaml`);
  try {
    const stat = lstatSync(path);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
    const text = decodeContent(readFileSync(path));
    return text === undefined ? undefined : organisationFacts(text);
  } catch {
    return undefined;
  }
}

export type AuthorStatus = 'listed' | 'maybe-in-team' | 'not-listed' | 'no-maintainers' | 'unknown';

/**
 * Whether the author is one of the maintainers. Team membership cannot be checked without GitHub (and a
 * token that may read the organisation's teams), so an author not listed by name, where teams are
 * listed, is "maybe-in-team", never "not a maintainer".
 */
export function authorStatus(author: string | null | undefined, maintainers: readonly string[]): AuthorStatus {
  if (!author) return 'unknown';
  const handles = maintainers.map(parseHandle).filter((handle) => handle !== undefined);
  if (handles.length === 0) return 'no-maintainers';
  if (handles.some((handle) => handle.user === author.toLowerCase())) return 'listed';
  return handles.some((handle) => handle.team) ? 'maybe-in-team' : 'not-listed';
}
