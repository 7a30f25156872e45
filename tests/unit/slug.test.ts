/**
 * src/lib/slug.ts: slugs name organisations and records in paths and URLs. slugify derives
 * organisation ids from the local-authority register, so it is checked on every name in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvObjects } from '../../src/lib/csv.ts';
import { isSlug, SLUG_MAX_LENGTH, slugify } from '../../src/lib/slug.ts';
import { ROOT } from '../helpers/content.ts';

const register = parseCsvObjects(readFileSync(join(ROOT, 'data/reference/local-authorities.csv'), 'utf8'));
const registerName = (gss: string) => {
  const row = register.find((candidate) => candidate.gss_code === gss);
  if (!row) throw new Error(`no ${gss} in the register`);
  return row;
};

describe('slugify on names from the local-authority register', () => {
  it.each([
    ['E06000003', 'Redcar and Cleveland', 'redcar-and-cleveland'],
    ['E08000013', 'St. Helens', 'st-helens'],
    ['E07000146', 'Kings Lynn and West Norfolk', 'kings-lynn-and-west-norfolk'],
    ['E06000058', 'Bournemouth, Christchurch and Poole', 'bournemouth-christchurch-and-poole'],
    ['N09000010', 'Newry, Mourne and Down ', 'newry-mourne-and-down'],
    ['N09000002', 'Armagh City, Banbridge and Craigavon', 'armagh-city-banbridge-and-craigavon'],
    ['E06000004', 'Stockton-on-Tees', 'stockton-on-tees'],
    ['W06000014', 'The Vale of Glamorgan', 'the-vale-of-glamorgan'],
  ])('%s "%s" becomes %s', (gss, name, slug) => {
    // The register is read, not retyped: the trailing space of "Newry, Mourne and Down " is real.
    expect(registerName(gss).name).toBe(name);
    expect(slugify(name)).toBe(slug);
  });

  it('drops straight and curly apostrophes rather than splitting the word', () => {
    expect(slugify("King's Lynn and West Norfolk")).toBe('kings-lynn-and-west-norfolk');
    expect(slugify('King’s Lynn and West Norfolk')).toBe('kings-lynn-and-west-norfolk');
  });

  it('writes an ampersand as "and", as in "Telford & Wrekin"', () => {
    expect(slugify('Telford & Wrekin')).toBe(registerName('E06000020').govuk_slug);
    expect(slugify('Telford & Wrekin')).toBe('telford-and-wrekin');
  });

  it('drops Welsh diacritics, keeping the letters', () => {
    expect(slugify('Ynys Môn')).toBe('ynys-mon');
    expect(registerName('W06000001').name_cy).toBe('Sir Ynys Môn');
    expect(slugify('Sir Ynys Môn')).toBe('sir-ynys-mon');
    expect(slugify('Cyngor Sir Gâr')).toBe('cyngor-sir-gar');
    expect(slugify('Ŵ ŷ â ê î ô û ẁ ẃ ẅ ỳ')).toBe('w-y-a-e-i-o-u-w-w-w-y');
  });

  it('turns every name in the register into a valid slug', () => {
    expect(register).toHaveLength(397);
    const invalid = register.filter((row) => !isSlug(slugify(row.name))).map((row) => `${row.name} → ${slugify(row.name)}`);
    expect(invalid).toEqual([]);
  });

  it('gives all 397 names in the register distinct slugs', () => {
    const bySlug = new Map<string, string[]>();
    for (const row of register) bySlug.set(slugify(row.name), [...(bySlug.get(slugify(row.name)) ?? []), row.name]);
    expect([...bySlug.values()].filter((names) => names.length > 1)).toEqual([]);
    expect(bySlug.size).toBe(397);
  });

  it('turns every Welsh name in the register into a valid slug', () => {
    const welsh = register.filter((row) => row.name_cy);
    expect(welsh.length).toBeGreaterThan(20);
    for (const row of welsh) expect(isSlug(slugify(row.name_cy)), row.name_cy).toBe(true);
  });

  it('cuts a long name to at most 80 characters without leaving a hyphen at the end', () => {
    const name = 'The Royal Borough of Somewhere Quite Remarkably Long upon the River Something Else Entirely';
    const slug = slugify(name);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(isSlug(slug)).toBe(true);
    expect(name.toLowerCase().replaceAll(' ', '-').startsWith(slug)).toBe(true);
    // Cut exactly at a hyphen: 79 letters, a space, then more.
    expect(slugify(`${'a'.repeat(80)} b`)).toBe('a'.repeat(80));
    expect(slugify(`${'a'.repeat(79)} bc`)).toBe('a'.repeat(79));
  });

  it('gives a slug of a slug back unchanged', () => {
    for (const row of register) expect(slugify(slugify(row.name))).toBe(slugify(row.name));
  });
});

describe('isSlug', () => {
  it('accepts lowercase letters, digits and single hyphens', () => {
    expect(isSlug('redcar-and-cleveland')).toBe(true);
    expect(isSlug('e06000003')).toBe(true);
    expect(isSlug('a')).toBe(true);
  });

  it.each([
    ['uppercase letters', 'Hackney'],
    ['an underscore', 'garden_waste'],
    ['a double hyphen', 'garden--waste'],
    ['a leading hyphen', '-hackney'],
    ['a trailing hyphen', 'hackney-'],
    ['a space', 'garden waste'],
    ['a dot', 'st.-helens'],
    ['an accented letter', 'ynys-môn'],
    ['a Cyrillic а that looks like a Latin a', 'h\u0430ckney'],
    ['a Cyrillic е and о', 'd\u0435v\u043en'],
    ['nothing at all', ''],
  ])('rejects a slug with %s', (_what, value) => {
    expect(isSlug(value)).toBe(false);
  });

  it('accepts 80 characters and rejects 81', () => {
    expect(isSlug('a'.repeat(80))).toBe(true);
    expect(isSlug('a'.repeat(81))).toBe(false);
    expect(isSlug(`${'ab-'.repeat(26)}ab`)).toBe(true); // 80 characters with hyphens
    expect(isSlug(`${'ab-'.repeat(26)}abc`)).toBe(false); // 81
  });
});
