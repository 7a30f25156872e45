/**
 * The content in this repository: every organisation file and every demonstration record is valid,
 * the register's bodies are all there and current, and the demonstration content is what the issue
 * asks for: fictional, marked as such, and connected enough to show overlaps and reuse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_COLLECTION_NAMES } from '../../schemas/collections.ts';
import { parseCsvObjects } from '../../src/lib/csv.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { ROOT } from '../helpers/content.ts';

const report = validateContent({ contentDir: join(ROOT, 'content') });
const { organisations, records } = report.content;
const register = parseCsvObjects(readFileSync(join(ROOT, 'data/reference/local-authorities.csv'), 'utf8'));
const demonstrationIds = new Set(
  organisations.filter((organisation) => organisation.data.demonstration).map((organisation) => organisation.id),
);

describe('the content folder', () => {
  it('has no errors', () => {
    expect(report.errors).toEqual([]);
  });

  it('loses no file: every organisation and record file is loaded', () => {
    expect(organisations.length + records.length).toBe(report.checked);
  });

  it('has only warnings that are meant to be there (one roadmap item left out of date on purpose)', () => {
    expect(report.warnings.map((warning) => warning.rule)).toEqual(report.warnings.map(() => 'freshness/review-due'));
  });
});

describe('organisations from the local-authority register', () => {
  const byGss = new Map(organisations.map((organisation) => [organisation.data.gss_code, organisation]));

  it('has a file for each of the 397 current bodies, matched by GSS code', () => {
    expect(register).toHaveLength(397);
    expect(register.filter((row) => !byGss.has(row.gss_code)).map((row) => row.name)).toEqual([]);
  });

  it('names each file after the slug of the register name', () => {
    expect(byGss.get('E06000001')?.id).toBe('hartlepool');
    expect(byGss.get('E06000003')?.id).toBe('redcar-and-cleveland');
    expect(byGss.get('W06000001')?.data).toMatchObject({
      name: 'Isle of Anglesey',
      translations: { cy: { name: 'Sir Ynys Môn', official_name: 'Cyngor Sir Ynys Môn' } },
      nation: 'wales',
      type: 'welsh-principal-area',
    });
  });

  it('keeps the register’s attribution in every generated file', () => {
    const text = readFileSync(join(ROOT, 'content/organisations/hartlepool.yaml'), 'utf8');
    expect(text).toContain('Contains data from mySociety (CC BY 4.0) and the GOV.UK local-authority registers (OGL v3.0)');
  });
});

describe('demonstration content', () => {
  it('comes from at least four fictional organisations, all marked as demonstration, none of them in the register', () => {
    expect(demonstrationIds.size).toBeGreaterThanOrEqual(4);
    const registerCodes = new Set(register.map((row) => row.gss_code));
    const registerNames = new Set(register.map((row) => row.name.trim().toLowerCase()));
    for (const organisation of organisations.filter((candidate) => demonstrationIds.has(candidate.id))) {
      expect(registerCodes.has(organisation.data.gss_code ?? '')).toBe(false);
      expect(registerNames.has(organisation.data.name.toLowerCase())).toBe(false);
    }
    const types = new Set<string>(
      organisations.filter((organisation) => demonstrationIds.has(organisation.id)).map((organisation) => organisation.data.type),
    );
    for (const type of ['county', 'district', 'unitary', 'community-group']) expect(types.has(type), type).toBe(true);
  });

  it('has at least 60 records over all five collections, and every record belongs to a demonstration organisation', () => {
    expect(records.length).toBeGreaterThanOrEqual(60);
    expect(new Set(records.map((record) => record.collection))).toEqual(new Set(RECORD_COLLECTION_NAMES));
    expect(records.filter((record) => !demonstrationIds.has(record.organisation)).map((record) => record.id)).toEqual([]);
  });

  it('has several bodies working on the same services, so that overlaps show', () => {
    const bodiesByService = new Map<number, Set<string>>();
    for (const record of records) {
      if (record.collection !== 'roadmap') continue;
      for (const service of record.data.services ?? [])
        bodiesByService.set(service, (bodiesByService.get(service) ?? new Set()).add(record.organisation));
    }
    const shared = [...bodiesByService.values()].filter((bodies) => bodies.size >= 2);
    expect(shared.length).toBeGreaterThanOrEqual(3);
  });

  it('has components reused by more than one body', () => {
    const users = new Map<string, Set<string>>();
    for (const organisation of organisations)
      for (const id of organisation.data.uses ?? []) users.set(id, (users.get(id) ?? new Set()).add(organisation.id));
    for (const record of records) {
      if (record.collection === 'roadmap')
        for (const id of record.data.reuses ?? []) users.set(id, (users.get(id) ?? new Set()).add(record.organisation));
    }
    expect([...users.values()].filter((bodies) => bodies.size >= 3).length).toBeGreaterThanOrEqual(1);
  });
});
