/** Dates and numbers in words, the way GOV.UK writes them: 30 April 2026, April 2026. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-04" → "April 2026". */
export function monthInWords(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  return `${MONTHS[month - 1]} ${year}`;
}

/** "2026-04-30" → "30 April 2026". */
export function dateInWords(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A list in words: "a", "a and b", "a, b and c" ('' for none). */
export function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "1,234". */
export function count(value: number): string {
  return value.toLocaleString('en-GB');
}

/** "1 roadmap item", "3 roadmap items". */
export function plural(value: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count(value)} ${value === 1 ? singular : pluralForm}`;
}
