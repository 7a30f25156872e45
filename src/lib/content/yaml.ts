/**
 * Safe YAML parsing for content files. YAML 1.2 core schema only: dates stay strings, `yes` stays text,
 * no custom tags or merge keys. Duplicate keys are errors, and aliases are limited so that a "billion
 * laughs" file cannot exhaust memory.
 *
 * Two parsers, one meaning. js-yaml 5 reads the ordinary file (no anchors, aliases or tags) about five
 * times faster, which is what lets 25,000 records validate in under 3 seconds. Anything it refuses,
 * including every alias, goes to the `yaml` package, whose answer then stands: it bounds alias
 * expansion, explains errors precisely, and gives the positions of fields for messages (parsed only
 * when a message needs one). On every input both accept, both give the same value (a test checks this).
 */
import { load as fastLoad } from 'js-yaml';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';

/** At most this many alias expansions per file. Real records use none. */
export const MAX_ALIAS_COUNT = 50;

export interface YamlIssue {
  rule: 'yaml/syntax' | 'yaml/duplicate-key' | 'yaml/aliases';
  /** Offset in the parsed text. */
  offset: number;
  message: string;
  fix: string;
  /** The field concerned, when the issue is about one (a duplicate key). */
  field?: string;
}

const SYNTAX_FIX = 'check the quotes, brackets and indentation on this line and the one before; put any value that holds a colon or a # in double quotes';

export interface ParsedYaml {
  value: unknown;
  /** The document, for finding where a field is: parsed on first use, as few files need it. */
  document: () => Document.Parsed;
  issues: YamlIssue[];
}

/** At most this many levels of nested lists and fields; records need four. */
export const MAX_DEPTH = 32;

function yamlDocument(text: string): Document.Parsed {
  return parseDocument(text, {
    version: '1.2',
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    keepSourceTokens: false,
  });
}

const PLAIN_MESSAGES: Partial<Record<string, string>> = {
  TAB_AS_INDENT: 'a tab is used to indent: YAML needs spaces',
  BAD_INDENT: 'the indentation is inconsistent: fields at the same level must start in the same column',
  MULTILINE_IMPLICIT_KEY: 'a field name runs over more than one line, or a value is missing its "field:" on the line before',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  BLOCK_AS_IMPLICIT_KEY: 'a value is not indented under its field name',
  MULTIPLE_DOCS: 'the YAML holds more than one document (a line of --- in the middle): keep one record per file',
  TAG_RESOLVE_FAILED: 'a YAML tag (a word starting with !) is used: tags are not allowed in content',
  BAD_SCALAR_START: 'a value starts with a character YAML does not allow there: put the value in double quotes',
  UNEXPECTED_TOKEN: 'there is something YAML did not expect here',
};

function plainMessage(code: string, original: string): string {
  const firstLine = original.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  // The commonest slip of all: "summary: Online: at last" reads as a field inside a field.
  const plain = /Nested mappings are not allowed in compact mappings|Implicit map keys need to be/.test(firstLine)
    ? 'the value holds a colon followed by a space, which YAML reads as the start of another field: put the whole value in double quotes'
    : PLAIN_MESSAGES[code];
  return plain ? `${plain} (YAML says: ${firstLine})` : `the YAML could not be read: ${firstLine}`;
}

export function parseYaml(text: string): ParsedYaml {
  let cached: Document.Parsed | undefined;
  const lazyDocument = () => (cached ??= yamlDocument(text));
  try {
    const value = fastLoad(text, { maxAliases: 0, maxDepth: MAX_DEPTH, json: false });
    return { value, document: lazyDocument, issues: [] };
  } catch {
    // Refused by the fast parser: the full parser decides, and explains.
  }
  const document = lazyDocument();
  const issues: YamlIssue[] = [];
  for (const error of [...document.errors, ...document.warnings]) {
    if (error.code === 'DUPLICATE_KEY') {
      const key = /^["']?([^:"'\n]+)/.exec(text.slice(error.pos[0]))?.[1]?.trim();
      issues.push({ rule: 'yaml/duplicate-key', offset: error.pos[0], message: `the field ${key ? `\`${key}\` ` : ''}appears twice in the same place`, fix: 'keep one of them', ...(key ? { field: key } : {}) });
    } else {
      issues.push({ rule: 'yaml/syntax', offset: error.pos[0], message: plainMessage(error.code, error.message), fix: SYNTAX_FIX });
    }
  }
  let value: unknown;
  if (issues.length === 0) {
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/alias/i.test(message)) {
        issues.push({ rule: 'yaml/aliases', offset: 0, message: `the file expands YAML aliases (*name) more than ${MAX_ALIAS_COUNT} times`, fix: 'write the values out in full instead of using & and * references' });
      } else {
        issues.push({ rule: 'yaml/syntax', offset: 0, message: `the YAML could not be read: ${message}`, fix: SYNTAX_FIX });
      }
    }
  }
  return { value, document: lazyDocument, issues };
}

/**
 * Where a field is in the document: the offset of its value, or of its key when `key` is true (for an
 * unknown field). Walks as far down the path as the document goes, so a missing field points at its parent.
 */
export function offsetOf(document: Document.Parsed, path: readonly PropertyKey[], key = false): number {
  let node: Node | null | undefined = document.contents;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair: Pair | undefined = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair) return offset;
      const keyNode = pair.key as Node;
      if (last && key) return keyNode.range?.[0] ?? offset;
      node = (pair.value as Node | null) ?? keyNode;
      offset = (node.range?.[0] ?? keyNode.range?.[0]) ?? offset;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | undefined;
      if (!item) return offset;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}
