/**
 * How the forms name the controls of a repeatable group (answers.ts describes every control's name),
 * and how many rows a form's values fill. No imports, so that the script a form page runs as it opens
 * (src/browser/contribute/controls.ts) carries no schema.
 */

/** The id of a repeatable group's control: links[2][url] → links-2-url. */
export function groupControlId(key: string, row: number, field: string): string {
  return `${key}-${row}-${field}`;
}

export function groupControlName(key: string, row: number, field: string): string {
  return `${key}[${row}][${field}]`;
}

/**
 * For each repeatable group with values, the rows they fill (the highest row named, plus one), from
 * control names such as systems[2][product]: what the form needs before it is filled in, and what the
 * organisation form's page draws, so that filling it in moves nothing.
 */
export function rowCounts(names: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) {
    const match = /^([a-z_]+)\[(\d+)\]\[/.exec(name);
    if (match) counts.set(match[1], Math.max(counts.get(match[1]) ?? 0, Number(match[2]) + 1));
  }
  return counts;
}
