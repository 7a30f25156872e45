/**
 * /api/v1/<collection>.csv: one row per record (or organisation), for spreadsheets and analysis tools.
 *
 * The file follows RFC 4180, as the GOV.UK Tabular data standard asks: UTF-8 (no byte-order mark), a
 * header row of column names, CRLF line ends, and a field in double quotes when it holds a comma, a
 * double quote, a CR or an LF, with each double quote inside written twice.
 *
 * Columns: `id`, `organisation` (records only), `url` (the page's absolute address), then every field of
 * the collection's schema in schema order, with the content files' snake_case names (a component's own
 * `url`, its website, is the column `website`: see RENAMED_FIELDS in context.ts); `licence` (filled
 * with the default, OGL-UK-3.0, when a record names none; a column of its own after the fields for
 * organisations, whose schema has none); and `last_updated` (when the file last changed in git, if
 * known). A column is there even when no record fills it, so every file of a collection has the same
 * header. Not the Markdown body: a page of text is no use in a spreadsheet cell (Excel cuts cells at
 * 32,767 characters), and it made the CSV files the size of the JSON ones, 80 MB at 50,000 records. The
 * JSON has it, as body_markdown.
 *
 * Values:
 * - text, numbers and dates as written; true and false for yes/no fields; an empty cell when unset;
 * - a list of plain values (services, themes, standards, platforms…) joined with `;`. Inside a list
 *   item, `\` is written `\\` and `;` is written `\;`, so splitting on a `;` not preceded by a backslash
 *   and then undoing those two escapes gives the items back exactly;
 * - a list of objects, or an object (links, distributions, systems), as compact JSON.
 *
 * Formula injection: a spreadsheet treats a cell that begins with =, +, - or @ (and, in some programs,
 * a tab or carriage return) as a formula, which can fetch addresses or run commands when someone opens
 * the file. Records are written by many people, so, as OWASP's CSV injection guidance recommends, a cell
 * whose text begins with one of =, +, -, @, tab or CR gets a leading apostrophe ('), which spreadsheets
 * take as "this is text". A cell that already begins with an apostrophe gets one more, so the rule can be
 * undone exactly: if a cell begins with an apostrophe, drop that one character. Only text is ever
 * affected: ids, addresses, dates and numbers cannot begin with those characters. The JSON files carry
 * every value untouched, for programs that want the exact text without this step.
 */
import { csvField } from '../csv.ts';
import { compareById } from '../collation.ts';
import { licenceOf, pagePath, type OpenCollection, type OpenDataContext, type OpenRecord } from './context.ts';

/** The characters that make a spreadsheet read a cell as a formula, and the apostrophe itself (see above). */
const FORMULA_START = /^[=+\-@\t\r']/;

/** Text that a spreadsheet will show as text: a leading apostrophe before a formula character (or an apostrophe). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One item of a list of plain values, with `\` and `;` escaped so that the list can be split again. */
function listItem(value: unknown): string {
  return String(value).replaceAll('\\', '\\\\').replaceAll(';', '\\;');
}

/** A value as the text of one cell, before quoting (see the module comment for the rules). */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    return value.some((item) => typeof item === 'object' && item !== null) ? JSON.stringify(value) : value.map(listItem).join(';');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Splits a list cell back into its items: the inverse of how lists are written. */
export function splitList(cell: string): string[] {
  if (cell === '') return [];
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (ch === '\\' && i + 1 < cell.length) item += cell[++i];
    else if (ch === ';') {
      items.push(item);
      item = '';
    } else item += ch;
  }
  items.push(item);
  return items;
}

/** One row: each value made safe for spreadsheets, quoted as RFC 4180 requires, ended with CRLF. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map((value) => csvField(neutraliseFormula(cellText(value)))).join(',')}\r\n`;
}

/** The header row's column names, in order. */
export function csvColumns(collection: OpenCollection): string[] {
  return [
    'id',
    ...(collection.owned ? ['organisation'] : []),
    'url',
    ...collection.fields.map((field) => field.name),
    ...(collection.fields.some((field) => field.key === 'licence') ? [] : ['licence']),
    'last_updated',
  ];
}

export function collectionCsv(collection: OpenCollection, records: readonly OpenRecord[], context: OpenDataContext): string {
  const columns = csvColumns(collection);
  const rows = [csvRow(columns)];
  for (const record of [...records].sort(compareById)) {
    const cells: Record<string, unknown> = {
      ...Object.fromEntries(collection.fields.map(({ key, name }) => [name, record.data[key]])),
      id: record.id,
      url: context.pageUrl(pagePath(collection, record)),
      licence: licenceOf(record, context).id,
      last_updated: record.lastUpdated,
      ...(collection.owned ? { organisation: record.organisation ?? record.id.split('/')[1] } : {}),
    };
    rows.push(csvRow(columns.map((column) => cells[column])));
  }
  return rows.join('');
}
