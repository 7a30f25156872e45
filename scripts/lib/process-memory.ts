/**
 * Memory of a process tree, read from /proc (Linux): every process descended from a root, with its
 * resident set now (VmRSS) and at its highest so far (VmHWM, kept by the kernel, so a short spike
 * between two samples is not missed while the process lives). Elsewhere every function returns nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessMemory {
  pid: number;
  /** The command's name, e.g. node or pagefind_extended. */
  name: string;
  /** The whole command line, for telling node processes apart. */
  command: string;
  rssKb: number;
  peakKb: number;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** Parent of every live process. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return map;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    // The name in brackets may hold spaces and brackets: the fields after the last ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    map.set(Number(entry), Number(fields[1]));
  }
  return map;
}

/** The root and all its live descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parents()) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  if (read(`/proc/${root}/stat`) !== undefined) visit(root);
  return tree;
}

/** One process's memory, or undefined once it has ended. */
export function processMemory(pid: number): ProcessMemory | undefined {
  const status = read(`/proc/${pid}/status`);
  if (!status) return undefined;
  const field = (name: string) => Number(new RegExp(`^${name}:\\s*(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  const command = (read(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean).join(' ');
  return { pid, name: /^Name:\s*(.*)$/m.exec(status)?.[1] ?? '?', command, rssKb: field('VmRSS'), peakKb: field('VmHWM') };
}

/** Memory of the root and every live descendant. */
export function treeMemory(root: number): ProcessMemory[] {
  return processTree(root)
    .map(processMemory)
    .filter((memory): memory is ProcessMemory => memory !== undefined);
}
