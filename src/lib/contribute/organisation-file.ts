/**
 * An organisation's file with some of its fields changed, and nothing else: the web form and the issue
 * form change a body's own details (organisation-model.ts), and every other byte of the file stays as
 * it was, comments, order and the fields the form does not edit (name to combined_authority, harvest,
 * demonstration) included.
 *
 * The `yaml` package's Document API finds each field's place in the text, and writes a changed field
 * the way the content files are written (record-file.ts: short lists inline, long text folded). Only the
 * changed fields' lines are replaced in the original text: printing the whole document again would
 * re-fold every folded summary at its own width and change lines nobody edited. A field that is new goes
 * where the schema orders it (before the file's first field that the schema puts after it, and that
 * field's comment); a field taken out goes with the comment lines directly above it. The result is read
 * back before it is returned, and must mean exactly the old fields with the edit applied.
 *
 * Pure and free of Node APIs: the browser and issue-to-pr share it.
 */
import { isMap, isScalar, parseDocument, type Pair } from 'yaml';
import { ORGANISATIONS } from '../../../schemas/collections.ts';
import { isEditableOrganisationField } from './organisation-model.ts';
import { fieldsYaml } from './record-file.ts';
import { sameValue } from './same-value.ts';

export interface OrganisationEdit {
  /** New values of fields; a value the file already has changes nothing. */
  set?: Record<string, unknown>;
  /** Fields to take out of the file. */
  remove?: readonly string[];
}

export interface UpdatedOrganisation {
  text: string;
  /** The fields whose value changed, was added or was taken out, in the schema's order. */
  changed: string[];
  /** Every field of the organisation after the edit. */
  data: Record<string, unknown>;
}

/** Thrown when an organisation's file is not one YAML mapping, so no field of it can be changed safely. */
export class OrganisationFileError extends Error {}

const SCHEMA_ORDER = Object.keys(ORGANISATIONS.schema.shape);
const rank = (key: string) => {
  const index = SCHEMA_ORDER.indexOf(key);
  return index === -1 ? SCHEMA_ORDER.length : index;
};

/** The edit a form makes: every editable field it shows is set to its answer, or taken out when empty. */
export function formEdit(fields: Record<string, unknown>, shown: readonly string[]): OrganisationEdit {
  return {
    set: Object.fromEntries(shown.filter((key) => fields[key] !== undefined).map((key) => [key, fields[key]])),
    remove: shown.filter((key) => fields[key] === undefined),
  };
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

function lineEnd(text: string, offset: number): number {
  if (offset === 0 || text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** Where a top-level field's lines start and end (its key's line to the end of its value's last line). */
function span(text: string, pair: Pair): { start: number; end: number } {
  const key = pair.key as { range?: [number, number, number] };
  const value = pair.value as { range?: [number, number, number] } | null;
  const start = lineStart(text, key.range![0]);
  return { start, end: lineEnd(text, Math.max(key.range![2], value?.range?.[2] ?? 0)) };
}

/** The comment lines directly above a line (no blank line between), unless they open the file. */
function commentAbove(text: string, start: number): number {
  let top = start;
  while (top > 0) {
    const previous = lineStart(text, top - 1);
    if (!/^[ \t]*#/.test(text.slice(previous, top))) break;
    top = previous;
  }
  return top === 0 ? start : top;
}

function render(key: string, value: unknown, plain: boolean): string {
  return plain ? `${key}: ${JSON.stringify(value)}\n` : fieldsYaml({ [key]: value });
}

/** Whether a text reads as `expected`, every field the same and no other. */
function readsAs(text: string, expected: Record<string, unknown>): boolean {
  try {
    const data = parseDocument(text, { version: '1.2' }).toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
    const keys = Object.keys(expected).filter((key) => expected[key] !== undefined);
    return Object.keys(data).length === keys.length && keys.every((key) => sameValue(data[key], expected[key]));
  } catch {
    return false;
  }
}

/**
 * The organisation file `text` with the edit applied. Only editable fields (organisation-model.ts) may be
 * set or taken out. Throws OrganisationFileError for a file that is not one YAML mapping.
 */
export function updateOrganisationFile(text: string, edit: OrganisationEdit): UpdatedOrganisation {
  for (const key of [...Object.keys(edit.set ?? {}), ...(edit.remove ?? [])]) {
    if (!isEditableOrganisationField(key)) throw new Error(`${key} is not a field the organisation form changes`);
  }
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = text.includes('\r\n');
  const source = text.slice(bom.length).replace(/\r\n/g, '\n');
  const document = parseDocument(source, { version: '1.2' });
  if (document.errors.length > 0 || !isMap(document.contents))
    throw new OrganisationFileError('the organisation’s file is not a list of fields that can be read, so no field of it was changed');
  const data = document.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  const pairs = new Map<string, Pair>();
  for (const pair of document.contents.items) if (isScalar(pair.key) && typeof pair.key.value === 'string') pairs.set(pair.key.value, pair);

  const after: Record<string, unknown> = { ...data };
  const changes = new Map<string, unknown>();
  for (const [key, value] of Object.entries(edit.set ?? {})) {
    if (value === undefined || sameValue(data[key], value)) continue;
    changes.set(key, value);
    after[key] = value;
  }
  for (const key of edit.remove ?? []) {
    if (data[key] === undefined || changes.has(key)) continue;
    changes.set(key, undefined);
    delete after[key];
  }
  const changed = [...changes.keys()].sort((a, b) => rank(a) - rank(b));
  if (changed.length === 0) return { text, changed, data: after };

  const attempt = (plain: boolean): string => {
    const splices: Splice[] = [];
    for (const key of changed) {
      const value = changes.get(key);
      const pair = pairs.get(key);
      if (pair) {
        const { start, end } = span(source, pair);
        splices.push(
          value === undefined ? { start: commentAbove(source, start), end, text: '' } : { start, end, text: render(key, value, plain) },
        );
        continue;
      }
      // A new field: before the file's first field that the schema puts after it, and that field's comment.
      const next = [...pairs.entries()].find(([other]) => rank(other) > rank(key));
      const at = next ? commentAbove(source, span(source, next[1]).start) : source.length;
      const before = at > 0 && source[at - 1] !== '\n' ? '\n' : '';
      splices.push({ start: at, end: at, text: `${before}${render(key, value, plain)}` });
    }
    let out = source;
    // From the end, so that earlier offsets stay right; new fields at one place keep the schema's order.
    for (const splice of splices
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => b.entry.start - a.entry.start || b.index - a.index)) {
      out = out.slice(0, splice.entry.start) + splice.entry.text + out.slice(splice.entry.end);
    }
    return out;
  };
  let out = attempt(false);
  if (!readsAs(out, after)) out = attempt(true);
  if (!readsAs(out, after)) throw new OrganisationFileError('the changed file did not read back as the answers, so it was not written');
  return { text: bom + (crlf ? out.replace(/\n/g, '\r\n') : out), changed, data: after };
}
