/**
 * Licences as other systems write them (SPDX expressions in publiccode.yml, CKAN licence ids such as
 * `uk-ogl`, licence web addresses in data.json, licence names) turned into the SPDX ids the hub checks
 * against, data/reference/licences.csv. A licence is never guessed: what does not match is reported,
 * and the record is not written.
 */
import type { Licence } from '../../../schemas/reference.ts';
import type { Mapped } from './values.ts';

type Licences = ReadonlyMap<string, Licence>;

/**
 * CKAN's own licence ids (its default licence list, as data.gov.uk and most portals use it). The
 * versionless ones are written as the current version, and say so.
 */
const CKAN_LICENCES: Record<string, { id: string; note?: string }> = {
  'uk-ogl': {
    id: 'OGL-UK-3.0',
    note: 'the portal says "uk-ogl", the Open Government Licence without a version; it was written as OGL-UK-3.0, the current version',
  },
  'ogl-uk': {
    id: 'OGL-UK-3.0',
    note: 'the portal says "ogl-uk", the Open Government Licence without a version; it was written as OGL-UK-3.0, the current version',
  },
  ogl: {
    id: 'OGL-UK-3.0',
    note: 'the portal says "ogl", the Open Government Licence without a version; it was written as OGL-UK-3.0, the current version',
  },
  'ogl-uk-3': { id: 'OGL-UK-3.0' },
  'ogl-uk-3.0': { id: 'OGL-UK-3.0' },
  'ogl-uk-2.0': { id: 'OGL-UK-2.0' },
  'ogl-uk-1.0': { id: 'OGL-UK-1.0' },
  'cc-by': {
    id: 'CC-BY-4.0',
    note: 'the portal says "cc-by", Creative Commons Attribution without a version; it was written as CC-BY-4.0, the current version',
  },
  'cc-by-sa': {
    id: 'CC-BY-SA-4.0',
    note:
      'the portal says "cc-by-sa", Creative Commons Attribution-ShareAlike ' +
      'without a version; it was written as CC-BY-SA-4.0, the current version',
  },
  'cc-zero': { id: 'CC0-1.0' },
  cc0: { id: 'CC0-1.0' },
  'odc-odbl': { id: 'ODbL-1.0' },
  'odc-by': { id: 'ODC-By-1.0' },
  'odc-pddl': { id: 'PDDL-1.0' },
};

/** CKAN ids that name no particular licence, or one that is not open. */
const CKAN_VAGUE: Record<string, string> = {
  notspecified: 'the portal says the licence is not specified',
  'other-open': 'the portal says only "other (open)", not which licence',
  'other-pd': 'the portal says only "other (public domain)", not which dedication',
  'other-at': 'the portal says only "other (attribution)", not which licence',
  'other-nc': 'the portal says "other (non-commercial)", which is not an open licence',
  'other-closed': 'the portal says "other (not open)"',
  'cc-nc': 'the portal says "cc-nc" (Creative Commons Non-Commercial), which is not an open licence',
  gfdl: 'the portal says "gfdl" (GNU Free Documentation License), which is not in the hub’s list',
};

/** Licence web addresses that name the licence in their path, beyond the addresses in licences.csv. */
const URL_PATTERNS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/nationalarchives\.gov\.uk\/doc\/open-government-licence\/version\/([123])\b/, (m) => `OGL-UK-${m[1]}.0`],
  [/nationalarchives\.gov\.uk\/doc\/non-commercial-government-licence\/version\/2\b/, () => 'NCGL-UK-2.0'],
  [/creativecommons\.org\/licenses\/(by(?:-nc)?(?:-sa|-nd)?)\/(\d\.\d)\b/, (m) => `CC-${m[1].toUpperCase()}-${m[2]}`],
  [/creativecommons\.org\/publicdomain\/zero\/1\.0\b/, () => 'CC0-1.0'],
  [/opendatacommons\.org\/licenses\/odbl\b/, () => 'ODbL-1.0'],
  [/opendatacommons\.org\/licenses\/by\b/, () => 'ODC-By-1.0'],
  [/opendatacommons\.org\/licenses\/pddl\b/, () => 'PDDL-1.0'],
  [/spdx\.org\/licenses\/([A-Za-z0-9.+-]+?)(?:\.html|\.json)?$/, (m) => m[1]],
  [/opensource\.org\/licen[cs]es?\/([A-Za-z0-9.+-]+?)(?:\.php|\.html)?$/, (m) => m[1]],
];

/** A licence address with its scheme, `www.`, `legalcode` and trailing slashes removed, for comparing. */
function looseUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/(?:legalcode(?:\.[a-z-]+)?|deed\.[a-z-]+)$/, '')
    .replace(/\/+$/, '');
}

function byId(id: string, licences: Licences): string | undefined {
  if (licences.has(id)) return id;
  const lower = id.toLowerCase();
  return [...licences.keys()].find((known) => known.toLowerCase() === lower);
}

/** Deprecated SPDX ids that still fill publiccode.yml files: GPL-3.0 (now GPL-3.0-only), GPL-3.0+ (GPL-3.0-or-later). */
function deprecatedSpdx(id: string, licences: Licences): { id: string; note: string } | undefined {
  const match = /^((?:A|L)?GPL-[23]\.[01]|LGPL-2\.[01])(\+)?$/i.exec(id);
  if (!match) return undefined;
  const modern = byId(`${match[1]}-${match[2] ? 'or-later' : 'only'}`, licences);
  return modern ? { id: modern, note: `"${id}" is the old SPDX id for ${modern}, which was written instead` } : undefined;
}

/** One SPDX licence id (not an expression), forgiving letter case and deprecated ids. */
export function spdxLicence(raw: string, licences: Licences): Mapped<string> {
  const id = raw.trim();
  const known = byId(id, licences);
  if (known) return known === id ? { value: known } : { value: known, note: `"${id}" was written as ${known}` };
  const old = deprecatedSpdx(id, licences);
  if (old) return { value: old.id, note: old.note };
  return { problem: notInList(id) };
}

function notInList(value: string): string {
  return `the licence ${JSON.stringify(value)} is not one the hub knows (data/reference/licences.csv lists the SPDX ids it accepts)`;
}

/**
 * A publiccode.yml `legal.license`: an SPDX expression. One id maps directly. `A OR B` lets the reuser
 * choose, so the first the hub knows and accepts for code is written (and reported). `A AND B` and
 * `WITH` exceptions have no single id, so they are reported and nothing is written.
 */
export function spdxExpression(raw: unknown, licences: Licences): Mapped<string> {
  if (typeof raw !== 'string' || raw.trim() === '') return { problem: 'there is no licence (legal.license)' };
  const expression = raw
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  if (/\s(?:AND|WITH)\s/i.test(expression)) {
    return { problem: `the licence is the SPDX expression "${expression}", a combination the hub cannot record as one licence` };
  }
  const choices = expression.split(/\s+OR\s+/i).map((part) => part.replace(/^\(|\)$/g, '').trim());
  if (choices.length === 1) return spdxLicence(choices[0], licences);
  const mapped = choices.map((choice) => spdxLicence(choice, licences));
  const osi = mapped.find((result): result is { value: string } => 'value' in result && licences.get(result.value)?.osiApproved === true);
  const any = osi ?? mapped.find((result): result is { value: string } => 'value' in result);
  if (!any) return { problem: `none of the licences in "${expression}" is one the hub knows (data/reference/licences.csv)` };
  return {
    value: any.value,
    note: `the software is under "${expression}", so reusers may choose; ${any.value} was written, the first of them the hub accepts`,
  };
}

/**
 * A dataset's licence as a portal gives it: a CKAN licence id, a licence web address, an SPDX id or a
 * licence's name. `url` and `title` are CKAN's license_url and license_title, tried when the id says
 * too little.
 */
export function datasetLicence(raw: { id?: unknown; url?: unknown; title?: unknown }, licences: Licences): Mapped<string> {
  const candidates = [raw.url, raw.id, raw.title].filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  if (candidates.length === 0) return { problem: 'the dataset has no licence' };
  // A web address says most (it carries the version), so it is tried first.
  for (const value of candidates.filter((candidate) => /^https?:\/\//i.test(candidate.trim()))) {
    const found = licenceFromUrl(value, licences);
    if (found) return { value: found };
  }
  for (const value of candidates.filter((candidate) => !/^https?:\/\//i.test(candidate.trim()))) {
    const text = value.trim();
    const ckan = CKAN_LICENCES[text.toLowerCase()];
    if (ckan && licences.has(ckan.id)) return ckan.note ? { value: ckan.id, note: ckan.note } : { value: ckan.id };
    const spdx = spdxLicence(text, licences);
    if ('value' in spdx) return spdx;
    const named = [...licences.values()].find((licence) => licence.name.toLowerCase() === text.toLowerCase());
    if (named) return { value: named.id };
    const ogl = /open government licen[cs]e(?:.*?\bv(?:ersion)?\s*([123])(?:\.0)?\b)?/i.exec(text);
    if (ogl && !/non.?commercial|canada/i.test(text)) {
      return ogl[1]
        ? { value: `OGL-UK-${ogl[1]}.0` }
        : { value: 'OGL-UK-3.0', note: `the portal says "${text}", without a version; it was written as OGL-UK-3.0, the current version` };
    }
  }
  const vague = candidates.map((value) => CKAN_VAGUE[value.trim().toLowerCase()]).find(Boolean);
  if (vague) return { problem: vague };
  return { problem: notInList(candidates[0].trim()) };
}

function licenceFromUrl(url: string, licences: Licences): string | undefined {
  const loose = looseUrl(url);
  for (const licence of licences.values()) {
    if (licence.url && looseUrl(licence.url) === loose) return licence.id;
  }
  for (const [pattern, idOf] of URL_PATTERNS) {
    const match = pattern.exec(loose);
    if (match) {
      const id = byId(idOf(match), licences);
      if (id) return id;
    }
  }
  return undefined;
}

/** What to do about a licence the hub cannot take, for messages. */
export function licenceAdvice(kind: 'code' | 'data'): string {
  return kind === 'code'
    ? 'If the software is under an open-source licence that is missing from data/reference/licences.csv, propose adding it ' +
        'there (with its SPDX id) in your pull request; otherwise correct legal.license in the publiccode.yml and import it again.'
    : 'Set its licence on the portal (usually the Open Government Licence, OGL-UK-3.0), download the file again and ' +
        'import it; or, if it is an open licence missing from data/reference/licences.csv, propose adding it there.';
}
