/**
 * How records point at each other, both ways: a lesson's `related`, a roadmap item's `reuses`, a
 * principle's `adopted_from`. (Who uses a component is src/lib/reuse.ts.) Record pages show what a record points at and,
 * just as usefully, what points at it ("reused in", "adopted by"). Built once per build.
 */

/** The fields of a record that point at other records. */
export interface RelationFields {
  related?: readonly string[];
  reuses?: readonly string[];
  adopted_from?: string;
}

export interface RelationGroup {
  /** What the records are to this one, e.g. "Reused in". */
  label: string;
  ids: string[];
}

export interface Relations {
  /** For each record id, its related records in groups; only groups with records. */
  byRecord: Map<string, RelationGroup[]>;
}

const OUTGOING: { field: keyof RelationFields; label: string; reverse: string }[] = [
  { field: 'related', label: 'Related', reverse: 'Mentioned in' },
  { field: 'reuses', label: 'Reuses', reverse: 'Reused in' },
  { field: 'adopted_from', label: 'Adopted from', reverse: 'Adopted by' },
];

export function buildRelations(records: readonly { id: string; data: object }[]): Relations {
  const groups = new Map<string, Map<string, Set<string>>>();
  const add = (id: string, label: string, other: string) => {
    const byLabel = groups.get(id) ?? new Map<string, Set<string>>();
    byLabel.set(label, (byLabel.get(label) ?? new Set()).add(other));
    groups.set(id, byLabel);
  };
  const known = new Set(records.map((record) => record.id));
  for (const record of records) {
    for (const { field, label, reverse } of OUTGOING) {
      const value = (record.data as RelationFields)[field];
      const targets = typeof value === 'string' ? [value] : (value ?? []);
      for (const target of targets) {
        if (!known.has(target) || target === record.id) continue;
        add(record.id, label, target);
        add(target, reverse, record.id);
      }
    }
  }
  const byRecord = new Map<string, RelationGroup[]>();
  const order = OUTGOING.flatMap(({ label, reverse }) => [label, reverse]);
  for (const [id, byLabel] of groups) {
    byRecord.set(
      id,
      [...byLabel].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([label, ids]) => ({ label, ids: [...ids].sort() })),
    );
  }
  return { byRecord };
}
