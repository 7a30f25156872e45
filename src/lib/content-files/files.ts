/**
 * Finds the files in a content folder and works out what each one is from its path alone: an
 * organisation, a record (collection, organisation, slug), the themes or the synonyms vocabulary. Never follows a
 * symbolic link, so nothing outside the content folder is ever read.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ORGANISATIONS, RECORD_COLLECTION_NAMES, recordCollection, type RecordCollectionName } from '../../../schemas/collections.ts';
import { FILTER_NAMES } from '../listing.ts';
import { isSlug, slugify } from '../slug.ts';
import { closestMatch } from '../suggest.ts';
import type { RuleId } from '../validation/rules.ts';

export const THEMES_FILE = 'vocabularies/themes.yaml';
/** Optional: without it, search and the overlap engine know no synonyms. */
export const SYNONYMS_FILE = 'vocabularies/synonyms.yaml';

/**
 * Words the site uses in addresses beside organisation ids (/roadmap/status/beta/, /roadmap/page/2/),
 * so no organisation may take one as its id.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['page', 'filters', ...FILTER_NAMES]);

export type ContentPath =
  | { kind: 'organisation'; id: string }
  | { kind: 'record'; collection: RecordCollectionName; organisation: string; slug: string; extension: string }
  | { kind: 'themes' }
  | { kind: 'synonyms' }
  | { kind: 'readme' };

export interface PathProblem {
  rule: RuleId;
  message: string;
  fix?: string;
}

export interface FoundFile {
  /** Path relative to the content folder, with forward slashes. */
  relative: string;
  absolute: string;
  type: 'file' | 'symlink' | 'other';
}

/** Lists every file under `contentDir` (depth first, sorted), noting links and special files without following them. */
export function listFiles(contentDir: string): FoundFile[] {
  const found: FoundFile[] = [];
  const walk = (absoluteDir: string, relativeDir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(absoluteDir, { withFileTypes: true });
    } catch (error) {
      throw new Error(`Cannot read the folder ${absoluteDir}: ${(error as Error).message}`, { cause: error });
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      const absolute = join(absoluteDir, entry.name);
      if (entry.isDirectory()) walk(absolute, relative);
      else if (entry.isSymbolicLink()) found.push({ relative, absolute, type: 'symlink' });
      else if (entry.isFile()) found.push({ relative, absolute, type: 'file' });
      else found.push({ relative, absolute, type: 'other' });
    }
  };
  walk(contentDir, '');
  return found;
}

const WHERE_RECORDS_GO =
  'the hub reads content/organisations/<id>.yaml, content/<collection>/<organisation>/<slug>.md or .yaml ' +
  `(collections: ${RECORD_COLLECTION_NAMES.join(', ')}) and content/${THEMES_FILE}`;

function extensionFix(extension: string, allowed: readonly string[], name: string): string {
  const stem = basename(name, extension);
  const lower = extension.toLowerCase();
  if ((lower === '.yml' || lower === '.yaml') && allowed.includes('.yaml')) return `rename it to ${stem}.yaml`;
  if ((lower === '.markdown' || lower === '.md') && allowed.includes('.md')) return `rename it to ${stem}.md`;
  if (lower === '.md' && allowed.includes('.yaml')) return `these records are YAML: rename it to ${stem}.yaml and remove the --- lines`;
  if ((lower === '.yaml' || lower === '.yml') && allowed.includes('.md')) {
    return `these records are Markdown: rename it to ${stem}.md and put the fields between --- lines at the top`;
  }
  return `save it as ${allowed.map((ext) => stem + ext).join(' or ')}`;
}

/**
 * The first character of a name that is not ASCII, described so that a name which looks valid can be
 * told from a valid one: an invisible character (zero-width, direction control) or a lookalike letter
 * such as the Cyrillic а in hаckney.
 */
function hiddenCharacter(name: string): string {
  const found = /[^\x20-\x7e]/u.exec(name);
  if (!found) return '';
  const code = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return /[\p{Cc}\p{Cf}\p{Z}]/u.test(found[0])
    ? ` (it holds the invisible character ${code} at character ${found.index + 1})`
    : ` (it holds “${found[0]}”, ${code}, at character ${found.index + 1}, which is not one of a to z even if it looks like one)`;
}

function slugProblem(what: string, name: string): PathProblem {
  const suggestion = slugify(name);
  return {
    rule: 'path/slug',
    message:
      `the ${what} \`${name}\` is not a valid slug${hiddenCharacter(name)}: use ` +
      'lowercase letters a to z, digits and single hyphens, at most 80 characters',
    ...(suggestion ? { fix: `rename it to \`${suggestion}\`` } : {}),
  };
}

/** Works out what a file is from its path, or why it cannot be content. */
export function classifyPath(relative: string): ContentPath | PathProblem {
  const parts = relative.split('/');
  const name = parts.at(-1)!;
  const extension = extname(name);
  const stem = extension ? name.slice(0, -extension.length) : name;

  if (parts.length === 1 && name === 'README.md') return { kind: 'readme' };
  if (relative === THEMES_FILE) return { kind: 'themes' };
  if (relative === SYNONYMS_FILE) return { kind: 'synonyms' };
  if (parts[0] === 'vocabularies') {
    return {
      rule: 'path/unknown-location',
      message: `content/vocabularies/ holds only themes.yaml and synonyms.yaml; the hub does not read ${name}`,
      fix: 'move or remove the file',
    };
  }

  if (parts[0] === ORGANISATIONS.name) {
    if (parts.length !== 2) {
      return {
        rule: 'path/unknown-location',
        message: 'organisation files go straight into content/organisations/, with no sub-folders',
        fix: `move it to content/organisations/${name}`,
      };
    }
    if (!ORGANISATIONS.extensions.includes(extension as '.yaml')) {
      return {
        rule: 'path/extension',
        message: `organisation files are YAML files ending .yaml, not ${extension || 'without an extension'}`,
        fix: extensionFix(extension, ORGANISATIONS.extensions, name),
      };
    }
    if (!isSlug(stem)) return slugProblem('organisation id', stem);
    if (RESERVED_IDS.has(stem)) {
      return {
        rule: 'path/reserved-id',
        message: `\`${stem}\` cannot be an organisation id: the site uses the word in its addresses (${[...RESERVED_IDS].join(', ')})`,
        fix: `rename it, for example to ${stem}-group.yaml`,
      };
    }
    return { kind: 'organisation', id: stem };
  }

  const collection = recordCollection(parts[0]);
  if (!collection) {
    const suggestion =
      parts.length > 1 ? closestMatch(parts[0], [...RECORD_COLLECTION_NAMES, ORGANISATIONS.name, 'vocabularies']) : undefined;
    return {
      rule: 'path/unknown-location',
      message: `the hub does not read this file: ${WHERE_RECORDS_GO}`,
      fix: suggestion ? `did you mean the folder content/${suggestion}/?` : 'move it to one of those places, or remove it',
    };
  }
  if (parts.length === 2) {
    return {
      rule: 'path/unknown-location',
      message: `records go in a folder named after their organisation: content/${collection.name}/<organisation>/${name}`,
      fix: `move it to content/${collection.name}/<your organisation id>/${name}`,
    };
  }
  if (parts.length !== 3) {
    return {
      rule: 'path/unknown-location',
      message:
        "records go directly in their organisation's folder, " + `content/${collection.name}/<organisation>/, with no further sub-folders`,
      fix: `move it to content/${collection.name}/${parts[1]}/${name}`,
    };
  }
  if (!(collection.extensions as readonly string[]).includes(extension)) {
    const allowedKinds = collection.extensions.map((ext) => (ext === '.md' ? 'Markdown (.md)' : 'YAML (.yaml)')).join(' or ');
    return {
      rule: 'path/extension',
      message: `${collection.singular}s are ${allowedKinds} files, not ${extension || 'files without an extension'}`,
      fix: extensionFix(extension, collection.extensions, name),
    };
  }
  if (!isSlug(parts[1])) return slugProblem('organisation folder', parts[1]);
  if (!isSlug(stem)) return slugProblem('file name', stem);
  return { kind: 'record', collection: collection.name, organisation: parts[1], slug: stem, extension };
}

export function isPathProblem(value: ContentPath | PathProblem): value is PathProblem {
  return 'rule' in value;
}
