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
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/** At most this many aliases (`*name`) per file. Real records use none. */
export const MAX_ALIAS_COUNT = 50;

/**
 * A second, looser bound on what aliases expand to, which the `yaml` package enforces while building
 * values: 45 aliases nested nine deep would otherwise expand to 59,049 copies.
 */
const MAX_ALIAS_EXPANSION = 1000;

export interface YamlIssue {
  rule: 'yaml/syntax' | 'yaml/duplicate-key' | 'yaml/aliases';
  /** Offset in the parsed text. */
  offset: number;
  message: string;
  fix: string;
  /** The field concerned, when the issue is about one (a duplicate key), as a path such as ['links', 0, 'url']. */
  path?: (string | number)[];
}

const SYNTAX_FIX =
  'check the quotes, brackets and indentation on this line and the one before; put any value that holds a colon or a # in double quotes';

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
    // Duplicate keys are found by duplicateKeys() below: the package's own check compares every key with
    // every earlier key of its mapping, which took seconds on a file of 20,000 fields (tests/hostile).
    uniqueKeys: false,
    strict: true,
    prettyErrors: false,
    keepSourceTokens: false,
    // Without this the YAML 1.1 tags (!!timestamp, !!binary, !!set) still resolve, to Dates and Buffers.
    resolveKnownTags: false,
  });
}

/**
 * Numbers too big for a double: the two parsers read them differently, so the full parser decides. The
 * mantissa is written so that a long run of digits is split only one way (\d*\.?\d+ took minutes on a
 * 256 KiB run of digits).
 */
const HUGE_NUMBER = /(?:^|[\s[{,:])[-+]?(?:\d{16,}|(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d{3,}|0x[0-9a-fA-F]{14,})(?=$|[\s\]},#])/m;

/**
 * Whether the fast parser's value can stand. It names a null key `null` where YAML 1.2 (and the `yaml`
 * package) makes it an empty string; such files, rare and always wrong in a record, go to the full parser.
 */
function fastValueStands(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) stack.push(...current);
    else if (current !== null && typeof current === 'object') {
      if (Object.hasOwn(current, 'null')) return false;
      stack.push(...Object.values(current));
    }
  }
  return true;
}

/** How deeply lists and fields nest, without recursion (so that a hostile file cannot overflow the stack). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Every key written a second time in the same mapping, with its path (e.g. ['links', 0, 'url']), in one
 * pass and without recursion. Keys are compared as the `yaml` package's uniqueKeys compares them: scalar
 * keys by value; other keys (aliases, lists) are not compared.
 */
function duplicateKeys(document: Document.Parsed): { offset: number; path: (string | number)[] }[] {
  const found: { offset: number; path: (string | number)[] }[] = [];
  const stack: [unknown, (string | number)[]][] = [[document.contents, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = pair.key.value;
        const keyPath = [...path, String(key)];
        if (seen.has(key)) found.push({ offset: pair.key.range?.[0] ?? 0, path: keyPath });
        seen.add(key);
        stack.push([pair.value, keyPath]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => stack.push([item, [...path, index]]));
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
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
  if (!HUGE_NUMBER.test(text)) {
    try {
      const value = fastLoad(text, { maxAliases: 0, maxDepth: MAX_DEPTH, json: false });
      if (fastValueStands(value)) return { value, document: lazyDocument, issues: [] };
    } catch {
      // Refused by the fast parser: the full parser decides, and explains.
    }
  }
  let document: Document.Parsed;
  try {
    document = lazyDocument();
  } catch (error) {
    // Only pathological input gets here, such as nesting deep enough to exhaust the stack.
    return {
      value: undefined,
      document: lazyDocument,
      issues: [{ rule: 'yaml/syntax', offset: 0, message: `the YAML could not be read: ${(error as Error).message}`, fix: SYNTAX_FIX }],
    };
  }
  const issues: YamlIssue[] = [];
  for (const error of [...document.errors, ...document.warnings]) {
    issues.push({ rule: 'yaml/syntax', offset: error.pos[0], message: plainMessage(error.code, error.message), fix: SYNTAX_FIX });
  }
  for (const { offset, path } of duplicateKeys(document)) {
    issues.push({
      rule: 'yaml/duplicate-key',
      offset,
      message: `the field \`${path.at(-1)}\` appears twice in the same place`,
      fix: 'keep one of them',
      path,
    });
  }
  if (issues.length > 0) return { value: undefined, document: lazyDocument, issues };

  let aliases = 0;
  let firstAlias = 0;
  visit(document, {
    Alias(_, node) {
      if (aliases++ === 0) firstAlias = node.range?.[0] ?? 0;
    },
  });
  if (aliases > MAX_ALIAS_COUNT) {
    issues.push({
      rule: 'yaml/aliases',
      offset: firstAlias,
      message: `the file uses YAML aliases (*name) ${aliases} times; at most ${MAX_ALIAS_COUNT} are allowed`,
      fix: ALIAS_FIX,
    });
    return { value: undefined, document: lazyDocument, issues };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    issues.push(
      /alias/i.test(message)
        ? {
            rule: 'yaml/aliases',
            offset: firstAlias,
            message: 'the file’s YAML aliases (*name) expand to far more data than a record holds',
            fix: ALIAS_FIX,
          }
        : { rule: 'yaml/syntax', offset: 0, message: `the YAML could not be read: ${message}`, fix: SYNTAX_FIX },
    );
    return { value: undefined, document: lazyDocument, issues };
  }
  if (depthOf(value) > MAX_DEPTH) {
    issues.push({
      rule: 'yaml/syntax',
      offset: 0,
      message: `the fields are nested more than ${MAX_DEPTH} levels deep`,
      fix: 'records need only a few levels: check the indentation',
    });
    return { value: undefined, document: lazyDocument, issues };
  }
  return { value, document: lazyDocument, issues };
}

const ALIAS_FIX = 'write the values out in full instead of using & and * references';

/** Each mapping's pairs by key, made on first use: a file of thousands of unknown fields asks for each of them. */
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The first pair of a mapping whose key reads as `key`. */
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairsByKey.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      if (!isScalar(item.key)) continue;
      const name = String(item.key.value);
      if (!index.has(name)) index.set(name, item);
    }
    pairsByKey.set(map, index);
  }
  return index.get(key);
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
      const pair = pairOf(node, String(part));
      if (!pair) return offset;
      const keyNode = pair.key as Node;
      if (last && key) return keyNode.range?.[0] ?? offset;
      node = (pair.value as Node | null) ?? keyNode;
      offset = node.range?.[0] ?? keyNode.range?.[0] ?? offset;
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
