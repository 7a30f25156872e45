/**
 * A form's answers, both ways: from the form's controls (name and value pairs, as FormData or
 * URLSearchParams give them) to a record's fields, and from a record back to the values its controls
 * should hold when someone edits it. Pure: the browser, the page and the tests share it.
 *
 * Control names (and ids, with [ and ] written as -):
 *   organisation, slug, body             the record's folder, file name and Markdown text
 *   <key>                                text, textarea, radios, select, and each checkbox of a list
 *   <key>-day, <key>-month, <key>-year   date inputs (months have no day)
 *   <key>[<row>][<field>]                a repeatable group, e.g. links[0][url] (id links-0-url)
 *   <key>_<shape>[<row>][<field>]        one shape of a list whose items take several, e.g.
 *                                        open_data_ckan[0][ckan] (each shape is a group of its own)
 * Empty answers are left out, so that an optional field nobody filled in is not written to the file.
 */
import { organisationChoice, organisationIdIn } from './choices.ts';
import { groupControlName } from './control-names.ts';
import { allFields, fieldValue, nestTranslations, type FormField, type FormModel } from './form-model.ts';

export interface Answers {
  /** The organisation id (the record's folder), or what was typed when it names no organisation. */
  organisation: string;
  /** The slug (the record's file name), as typed. */
  slug: string;
  /** The record's fields as the schema expects them, in the schema's order, without empty ones. */
  fields: Record<string, unknown>;
  /** The Markdown text, with line endings made \n and surrounding blank lines removed ('' for none). */
  body: string;
  /** For each repeatable group, the form row each written item came from (rows left blank are skipped). */
  rows: Record<string, number[]>;
  /** For each list of several shapes (open_data), the shape's group and row each written item came from. */
  variantRows?: Record<string, { key: string; row: number }[]>;
}

export type FormEntries = Iterable<readonly [string, unknown]>;

export interface AnswerLookups {
  /** The organisation id for what was typed in the organisation box (a name, "Name (id)" or an id). */
  organisationId?: (text: string) => string | undefined;
  /**
   * The record's fields before editing: ticked values it already had keep its order (checkboxes come in
   * the page's order), so that an edit changes no more of the file than the person did.
   */
  previous?: Record<string, unknown>;
}

/** The values in the order `before` had them, then any new ones in the order given. */
export function keepOrder<T>(values: T[], before: unknown): T[] {
  if (!Array.isArray(before)) return values;
  const rank = (value: T) => {
    const index = before.findIndex((item) => String(item) === String(value));
    return index === -1 ? before.length : index;
  };
  return values
    .map((value, index) => ({ value, index }))
    .sort((a, b) => rank(a.value) - rank(b.value) || a.index - b.index)
    .map(({ value }) => value);
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A month as typed ("4", "04", "Apr", "April") as two digits; anything else as it was typed. */
function monthNumber(text: string): string {
  const value = text.trim();
  if (/^\d{1,2}$/.test(value)) return value.padStart(2, '0');
  const index = MONTH_NAMES.indexOf(value.slice(0, 3).toLowerCase());
  return index !== -1 && value.length >= 3 ? String(index + 1).padStart(2, '0') : value;
}

/**
 * A date input's parts as the schema's text: YYYY-MM for a month, YYYY-MM-DD for a date, or undefined
 * when every part is empty. Parts that are missing or wrong still make a text, which the schema refuses.
 */
export function dateFromParts(parts: { day?: string; month: string; year: string }, precision: 'month' | 'day'): string | undefined {
  const day = (parts.day ?? '').trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!year && !month && (precision === 'month' || !day)) return undefined;
  const yearMonth = `${year}-${monthNumber(month)}`;
  return precision === 'month' ? yearMonth : `${yearMonth}-${/^\d$/.test(day) ? `0${day}` : day}`;
}

/** The parts of YYYY-MM or YYYY-MM-DD, as people type them (no leading zeros). */
export function partsOfDate(value: string): { day?: string; month: string; year: string } {
  const [year = '', month = '', day] = value.split('-');
  const plain = (part: string) => (/^\d+$/.test(part) ? String(Number(part)) : part);
  return { year, month: plain(month), ...(day !== undefined ? { day: plain(day) } : {}) };
}

/** The shape (a `variants` field's group) whose fields an item has, e.g. open_data_ckan for { ckan, organisation }. */
export function variantOf(field: FormField, item: unknown): FormField | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const keys = Object.keys(item);
  return field.variants?.find((variant) => keys.every((key) => variant.fields?.some((part) => part.key === key)));
}

/** Text from a control: line endings as \n, spaces trimmed at both ends. */
function clean(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

function valueOfField(field: FormField, values: Map<string, string[]>, prefix = field.key): unknown {
  const all = (name: string) => (values.get(name) ?? []).map(clean);
  const one = (name: string) => all(name)[0] ?? '';
  switch (field.kind) {
    case 'month':
    case 'date': {
      const precision = field.kind === 'month' ? 'month' : 'day';
      return dateFromParts({ day: one(`${prefix}-day`), month: one(`${prefix}-month`), year: one(`${prefix}-year`) }, precision);
    }
    case 'checkboxes':
    case 'themes':
    case 'organisations': {
      const chosen = all(prefix).filter(Boolean);
      return chosen.length > 0 ? chosen : undefined;
    }
    case 'services': {
      const chosen = all(prefix)
        .filter(Boolean)
        .map((text) => (/^\d+$/.test(text) ? Number(text) : text));
      return chosen.length > 0 ? chosen : undefined;
    }
    case 'lines': {
      const lines = one(prefix)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      return lines.length > 0 ? lines : undefined;
    }
    case 'list': {
      const items = one(prefix)
        .split(/[,\n]/)
        .map((item) => item.trim())
        .filter(Boolean);
      if (items.length === 0) return undefined;
      return field.numbers ? items.map((item) => (/^\d{1,9}$/.test(item) ? Number(item) : item)) : items;
    }
    default: {
      const text = one(prefix);
      return text === '' ? undefined : text;
    }
  }
}

/** A repeatable group's items, with the row each came from; rows left blank are skipped. */
function readGroup(field: FormField, values: Map<string, string[]>): { items: Record<string, unknown>[]; rows: number[] } {
  const found = new Set<number>();
  const pattern = new RegExp(`^${field.key}\\[(\\d+)\\]\\[`);
  for (const name of values.keys()) {
    const match = pattern.exec(name);
    if (match) found.add(Number(match[1]));
  }
  const items: Record<string, unknown>[] = [];
  const rows: number[] = [];
  for (const row of [...found].sort((a, b) => a - b)) {
    const item: Record<string, unknown> = {};
    for (const part of field.fields ?? []) {
      const value = valueOfField(part, values, groupControlName(field.key, row, part.key));
      if (value !== undefined) item[part.key] = value;
    }
    if (Object.keys(item).length === 0) continue;
    items.push(item);
    rows.push(row);
  }
  return { items, rows };
}

/** Reads a form's answers (FormData, URLSearchParams, or name and value pairs) into a record. */
export function readAnswers(model: FormModel, entries: FormEntries, lookups: AnswerLookups = {}): Answers {
  const values = new Map<string, string[]>();
  for (const [name, value] of entries) {
    if (typeof value !== 'string') continue; // files: the form has none
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  const one = (name: string) => clean(values.get(name)?.[0] ?? '');
  const fields: Record<string, unknown> = {};
  const rows: Record<string, number[]> = {};
  const variantRows: Record<string, { key: string; row: number }[]> = {};
  const previous = (key: string) => lookups.previous?.[key];
  for (const field of model.fields) {
    if (field.kind === 'group') {
      const group = readGroup(field, values);
      rows[field.key] = group.rows;
      if (group.items.length > 0) fields[field.key] = group.items;
      continue;
    }
    if (field.kind === 'variants') {
      // The form shows each shape's items in rows 0, 1… in the order the record had them (formValues),
      // so a row stands for the record's item of that shape at that place: items keep their places in
      // the list, changed or not, and new rows come after them.
      const before = Array.isArray(previous(field.key)) ? (previous(field.key) as unknown[]) : [];
      const places = new Map<string, number[]>();
      before.forEach((item, index) => {
        const key = variantOf(field, item)?.key;
        if (key) places.set(key, [...(places.get(key) ?? []), index]);
      });
      const read = (field.variants ?? []).flatMap((variant) => {
        const group = readGroup(variant, values);
        return group.items.map((item, index) => ({ item, origin: { key: variant.key, row: group.rows[index]! } }));
      });
      const place = (entry: (typeof read)[number]) => places.get(entry.origin.key)?.[entry.origin.row] ?? before.length;
      const ordered = read
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => place(a.entry) - place(b.entry) || a.index - b.index)
        .map(({ entry }) => entry);
      variantRows[field.key] = ordered.map(({ origin }) => origin);
      if (ordered.length > 0) fields[field.key] = ordered.map(({ item }) => item);
      continue;
    }
    const value = valueOfField(field, values);
    if (value === undefined) continue;
    const ordered = Array.isArray(value) && lookups.previous ? keepOrder(value, previous(field.key)) : value;
    // One value where the schema takes one or a list: written on its own, unless the record had a list.
    fields[field.key] =
      field.single && Array.isArray(ordered) && ordered.length === 1 && !Array.isArray(previous(field.key)) ? ordered[0] : ordered;
  }
  nestTranslations(fields);
  const typed = one('organisation');
  const organisation = typed === '' ? '' : (organisationIdIn(typed) ?? lookups.organisationId?.(typed) ?? typed);
  return {
    organisation,
    slug: one('slug'),
    fields,
    body: one('body'),
    rows,
    ...(Object.keys(variantRows).length > 0 ? { variantRows } : {}),
  };
}

export interface EditableRecord {
  organisation: string;
  slug: string;
  data: Record<string, unknown>;
  body?: string;
}

export interface ValueLookups {
  /** The organisation's name, to show "Name (id)" in the organisation box. */
  organisationName?: (id: string) => string | undefined;
}

/**
 * The values a form's controls should hold to show a record: control name → values (one for a text
 * box, each ticked value for checkboxes). The inverse of readAnswers.
 */
export function formValues(model: FormModel, record: EditableRecord, lookups: ValueLookups = {}): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') values.set(name, [value]);
  };
  const name = lookups.organisationName?.(record.organisation);
  set('organisation', name ? organisationChoice(name, record.organisation) : record.organisation);
  set('slug', record.slug);
  if (record.body !== undefined && record.body.trim() !== '') set('body', record.body.replace(/\r\n?/g, '\n').trim());
  const put = (field: FormField, value: unknown, prefix: string) => {
    if (value === undefined || value === null) return;
    switch (field.kind) {
      case 'month':
      case 'date': {
        const parts = partsOfDate(String(value));
        set(`${prefix}-year`, parts.year);
        set(`${prefix}-month`, parts.month);
        if (field.kind === 'date') set(`${prefix}-day`, parts.day);
        return;
      }
      case 'checkboxes':
      case 'themes':
      case 'services':
      case 'organisations':
        if (Array.isArray(value) && value.length > 0) values.set(prefix, value.map(String));
        return;
      case 'lines':
        if (Array.isArray(value)) set(prefix, value.map(String).join('\n'));
        else if (field.single) set(prefix, String(value));
        return;
      case 'list':
        if (Array.isArray(value)) set(prefix, value.map(String).join(', '));
        return;
      case 'group':
        if (!Array.isArray(value)) return;
        value.forEach((item: unknown, row) => {
          if (!item || typeof item !== 'object') return;
          for (const part of field.fields ?? [])
            put(part, (item as Record<string, unknown>)[part.key], groupControlName(field.key, row, part.key));
        });
        return;
      case 'variants': {
        if (!Array.isArray(value)) return;
        // Each item goes to the shape whose fields it has, numbered from 0 within that shape.
        const next = new Map<string, number>();
        for (const item of value) {
          const variant = variantOf(field, item);
          if (!variant) continue;
          const row = next.get(variant.key) ?? 0;
          next.set(variant.key, row + 1);
          for (const part of variant.fields ?? [])
            put(part, (item as Record<string, unknown>)[part.key], groupControlName(variant.key, row, part.key));
        }
        return;
      }
      default:
        set(prefix, String(value));
    }
  };
  for (const field of model.fields) put(field, fieldValue(record.data, field.key), field.key);
  return values;
}

/** The label of a field, found by key among a model's fields and its groups' fields. */
export function fieldLabel(model: FormModel, key: string): string | undefined {
  return allFields(model).find((field) => field.key === key)?.label;
}
