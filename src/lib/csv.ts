/**
 * A small RFC 4180 CSV reader and writer. The reference registers in `data/reference/` are CSV with
 * quoted fields that contain commas and doubled quotes; this is all the project needs, so no library.
 */

/** Parses CSV text into rows of strings. Accepts CRLF or LF line ends and a leading byte-order mark. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Runs of ordinary characters are taken whole, up to the next character that matters: a list's CSV is
  // megabytes, and the build reads every one back.
  const special = /[",\r\n]/g;
  for (;;) {
    if (inQuotes) {
      const quote = text.indexOf('"', i);
      if (quote < 0) throw new Error('CSV ends inside a quoted field: a closing " is missing');
      field += text.slice(i, quote);
      if (text.charCodeAt(quote + 1) === 0x22) {
        field += '"';
        i = quote + 2;
      } else {
        inQuotes = false;
        i = quote + 1;
      }
      continue;
    }
    special.lastIndex = i;
    const next = special.exec(text);
    if (!next) {
      field += text.slice(i);
      break;
    }
    field += text.slice(i, next.index);
    i = next.index + 1;
    const ch = next[0];
    if (ch === '"') {
      inQuotes = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else {
      if (ch === '\r' && text[i] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV with a header row into objects keyed by the header's column names. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows
    .filter((row) => !(row.length === 1 && row[0] === ''))
    .map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

/** Quotes one CSV field when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
