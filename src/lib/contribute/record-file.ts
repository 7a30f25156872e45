/**
 * The file a contribution becomes: where it goes in the repository and its text, written as the hub's
 * own content files are (content/roadmap/*\/*.md): YAML front matter then the Markdown text for .md
 * files, the fields alone for .yaml files; fields in the schema's order, only those with a value; short
 * lists on one line (services: [524, 530]); long text folded over lines of about 100 characters.
 * Written with the `yaml` package, which runs in the browser too, and read back before it is returned:
 * if the text does not read back as exactly the fields, it is written again in the package's plainest
 * style, so the file always means what the form said.
 */
import { Document, isScalar, parse, Scalar, visit } from 'yaml';
import { recordCollection } from '../../../schemas/collections.ts';

export interface RecordAnswers {
  organisation: string;
  slug: string;
  /** The record's fields, as the schema expects them. */
  fields: Record<string, unknown>;
  /** The Markdown text ('' or undefined for none). */
  body?: string;
}

export interface RecordFile {
  /** The file's path in the repository, e.g. content/roadmap/fenmoor/garden-waste-online.md. */
  path: string;
  text: string;
}

export interface RecordFileOptions {
  /** Keep this extension (with its dot) when it is one the collection takes: an edited file keeps its type. */
  extension?: string;
}

/** The extension a record's file gets: the collection's first, except a component with text becomes .md. */
export function recordExtension(collectionName: string, hasBody: boolean, keep?: string): string {
  const collection = recordCollection(collectionName);
  if (!collection) throw new Error(`unknown collection ${collectionName}`);
  const extensions: readonly string[] = collection.extensions;
  if (keep && extensions.includes(keep) && (keep === '.md' || !hasBody)) return keep;
  if (hasBody && extensions.includes('.md')) return '.md';
  return extensions[0];
}

/** Folds long one-line text (`>-`), keeps text with line breaks as written (`|-`), and writes short lists inline. */
function styled(fields: Record<string, unknown>): string {
  const document = new Document(fields, { version: '1.2' });
  visit(document, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
    Scalar(_, node) {
      if (typeof node.value !== 'string') return;
      if (node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
      else if (node.value.length > 90) node.type = Scalar.BLOCK_FOLDED;
    },
  });
  return document.toString({ lineWidth: 100, minContentWidth: 40, flowCollectionPadding: false });
}

function plain(fields: Record<string, unknown>): string {
  return new Document(fields, { version: '1.2' }).toString({ lineWidth: 0, flowCollectionPadding: false });
}

function readsBackAs(text: string, fields: Record<string, unknown>): boolean {
  try {
    return JSON.stringify(parse(text, { version: '1.2', schema: 'core' })) === JSON.stringify(fields);
  } catch {
    return false;
  }
}

/** The fields as YAML in the content files' style, guaranteed to read back as the same fields. */
export function fieldsYaml(fields: Record<string, unknown>): string {
  const text = styled(fields);
  return readsBackAs(text, fields) ? text : plain(fields);
}

/** The path and text of the file for a record with these answers. */
export function recordFile(collectionName: string, answers: RecordAnswers, options: RecordFileOptions = {}): RecordFile {
  const collection = recordCollection(collectionName);
  if (!collection) throw new Error(`unknown collection ${collectionName}`);
  const body = (answers.body ?? '').replace(/\r\n?/g, '\n').trim();
  const extension = recordExtension(collectionName, body !== '', options.extension);
  // The schema's order, whatever order the answers came in.
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(collection.schema.shape)) {
    const value = answers.fields[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    ordered[key] = value;
  }
  const yaml = fieldsYaml(ordered);
  const path = `content/${collection.name}/${answers.organisation}/${answers.slug}${extension}`;
  if (extension === '.md') return { path, text: `---\n${yaml}---\n${body ? `\n${body}\n` : ''}` };
  return { path, text: `# yaml-language-server: $schema=../../../schemas/json/${collection.name}.schema.json\n${yaml}` };
}
