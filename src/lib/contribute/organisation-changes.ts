/**
 * What an edit of an organisation's details changes, in words, for the form to show before it is sent:
 * each changed field by its label with its new value ("Taken out" when it goes). Plain text only: the
 * page sets it as text, never as HTML.
 */
import { partsOfDate, variantOf } from './answers.ts';
import type { FormField, FormModel } from './form-model.ts';

export interface ChangeLine {
  key: string;
  label: string;
  /** The new value in words, one entry a line; ['Taken out'] for a field that goes. */
  now: string[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function month(value: unknown): string {
  const { month: number, year } = partsOfDate(String(value));
  return `${MONTHS[Number(number) - 1] ?? number} ${year}`;
}

/** One item of a list of groups: its parts' values, joined as a sentence would. */
function itemInWords(fields: readonly FormField[], item: Record<string, unknown>): string {
  return fields
    .filter((part) => item[part.key] !== undefined)
    .map((part) => {
      const value = item[part.key];
      if (part.kind === 'month') return `${part.label.toLowerCase()} ${month(value)}`;
      if (Array.isArray(value)) return `${part.label.toLowerCase()} ${value.join(', ')}`;
      return String(value);
    })
    .join(', ');
}

function valueInWords(field: FormField, value: unknown): string[] {
  if (value === undefined) return ['Taken out'];
  if (!Array.isArray(value)) return [String(value)];
  if (field.kind === 'group') return value.map((item) => itemInWords(field.fields ?? [], item as Record<string, unknown>));
  if (field.kind === 'variants') {
    return value.map((item) => {
      const variant = variantOf(field, item);
      return variant
        ? `${variant.itemLabel ?? variant.label}: ${itemInWords(variant.fields ?? [], item as Record<string, unknown>)}`
        : JSON.stringify(item);
    });
  }
  return value.map(String);
}

/** The changed fields, in the form's order, with their new values in words. */
export function changeLines(model: FormModel, changed: readonly string[], data: Record<string, unknown>): ChangeLine[] {
  return model.fields
    .filter((field) => changed.includes(field.key))
    .map((field) => ({ key: field.key, label: field.label, now: valueInWords(field, data[field.key]) }));
}
