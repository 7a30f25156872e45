/** Figures in words for the benchmark's report. */

/** 1536 → "1.5 KB"; 1024 bytes to the KB, as browsers' network panels count. */
export function bytes(count: number): string {
  if (count < 1024) return `${count} B`;
  if (count < 1024 * 1024) return `${(count / 1024).toFixed(count < 10 * 1024 ? 1 : 0)} KB`;
  if (count < 1024 ** 3) return `${(count / 1024 ** 2).toFixed(count < 10 * 1024 ** 2 ? 1 : 0)} MB`;
  return `${(count / 1024 ** 3).toFixed(2)} GB`;
}

/** Resident memory in KiB (as /proc and GNU time give it) → "2.41 GB". */
export function memory(kib: number): string {
  return kib >= 1024 * 1024 ? `${(kib / 1024 / 1024).toFixed(2)} GB` : `${Math.round(kib / 1024)} MB`;
}

export function count(value: number): string {
  return value.toLocaleString('en-GB');
}

export function seconds(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} s`;
}
