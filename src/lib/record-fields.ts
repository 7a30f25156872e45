/**
 * A record's fields as people read them: labels from the schema's own titles, in the schema's order;
 * dates in words; services, themes, organisations, licences and record ids named and linked. Pure, so
 * pages only lay the result out.
 */
import type { z } from 'zod';
import type { Organisation } from '../../schemas/organisation.ts';
import type { System } from '../../schemas/system.ts';
import { monthInWords, dateInWords } from './format.ts';
import { declaredSources, harvestSettingsInWords, sourceLink } from './harvest-sources.ts';
import { codeInWords } from './labels.ts';
import { fieldMeta } from './schema-meta.ts';
import { githubHandleUrl } from './site-config.ts';

export type Display = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string } | { kind: 'list'; items: Display[] };

export interface FieldRow {
  key: string;
  label: string;
  value: Display;
  /** The language of the value when it is not English: Welsh names and titles are marked so screen readers say them right. */
  lang?: string;
}

export interface FieldLookups {
  /** Internal page path (with base) for a path inside the site. */
  page: (path: string) => string;
  organisationName: (id: string) => string | undefined;
  serviceLabel: (id: number) => string | undefined;
  /** A service's code in the hub's service list, “LGSL 524”. */
  serviceCode: (id: number) => string;
  themeLabel: (id: string) => string | undefined;
  licence: (id: string) => { name: string; url: string } | undefined;
  recordTitle: (id: string) => string | undefined;
  /**
   * An organisation's type and nation in words, and the name of the official code its gss_code holds, from the
   * hub's configuration (src/lib/organisation-register.ts); without them, codes in words and the schema's title.
   */
  organisationTypeLabel?: (id: string) => string;
  nationLabel?: (id: string) => string;
  codeName?: string;
}

const text = (value: string): Display => ({ kind: 'text', text: value });
const list = (items: Display[]): Display => ({ kind: 'list', items });

/** Fields shown elsewhere on the page (title, summary and their translations, beside them), or not at all. */
const SHOWN_ELSEWHERE = new Set(['title', 'summary', 'translations', 'name', 'demonstration']);

const MONTH_FIELDS = new Set(['start', 'end']);
const DATE_FIELDS = new Set(['review_by', 'date', 'issued', 'modified', 'harvested_on']);
const URL_FIELDS = new Set(['source_url', 'landing_url', 'repository_url', 'url', 'website', 'harvested_from']);
const ORGANISATION_FIELDS = new Set(['partners', 'county', 'combined_authority']);
const RECORD_FIELDS = new Set(['reuses', 'uses', 'related', 'adopted_from']);

/** The email address in a contact (an address, or a mailto: link); undefined when it is a web page. */
export function contactEmail(value: string): string | undefined {
  if (/^mailto:/i.test(value)) return value.slice('mailto:'.length);
  return value.includes('@') && !value.startsWith('http') ? value : undefined;
}

function contactDisplay(value: string): Display {
  const address = contactEmail(value);
  return address ? { kind: 'link', text: address, href: `mailto:${address}` } : { kind: 'link', text: value, href: value };
}

function displayValue(key: string, value: unknown, lookups: FieldLookups): Display {
  if (Array.isArray(value)) {
    return list(value.map((item) => displayValue(key, item, lookups)));
  }
  if (key === 'services' && typeof value === 'number') {
    const label = lookups.serviceLabel(value);
    const code = lookups.serviceCode(value);
    return { kind: 'link', text: label ? `${label} (${code})` : code, href: lookups.page(`services/${value}/`) };
  }
  if (key === 'themes' && typeof value === 'string') {
    return { kind: 'link', text: lookups.themeLabel(value) ?? value, href: lookups.page(`themes/${value}/`) };
  }
  if (ORGANISATION_FIELDS.has(key) && typeof value === 'string') {
    return { kind: 'link', text: lookups.organisationName(value) ?? value, href: lookups.page(`organisations/${value}/`) };
  }
  if (RECORD_FIELDS.has(key) && typeof value === 'string') {
    return { kind: 'link', text: lookups.recordTitle(value) ?? value, href: lookups.page(`${value}/`) };
  }
  if (key === 'licence' && typeof value === 'string') {
    const licence = lookups.licence(value);
    return licence ? { kind: 'link', text: licence.name, href: licence.url } : text(value);
  }
  if (key === 'contact' && typeof value === 'string') return contactDisplay(value);
  if (key === 'github' && typeof value === 'string') return { kind: 'link', text: value, href: `https://github.com/${value}` };
  if (key === 'maintainers' && typeof value === 'string') return { kind: 'link', text: value, href: githubHandleUrl(value) };
  if (URL_FIELDS.has(key) && typeof value === 'string') return { kind: 'link', text: value, href: value };
  if (MONTH_FIELDS.has(key) && typeof value === 'string') return text(monthInWords(value));
  if (DATE_FIELDS.has(key) && typeof value === 'string') return text(dateInWords(value));
  if (key === 'type' && typeof value === 'string') return text(lookups.organisationTypeLabel?.(value) ?? codeInWords(value));
  if (key === 'nation' && typeof value === 'string') return text(lookups.nationLabel?.(value) ?? codeInWords(value));
  if (
    key === 'status' ||
    key === 'outcome' ||
    key === 'kind' ||
    key === 'development_status' ||
    key === 'maintenance' ||
    key === 'update_frequency' ||
    key === 'looking_for'
  ) {
    return text(codeInWords(String(value)));
  }
  if (key === 'open_data' && value && typeof value === 'object') {
    // Named and linked as the organisation page and the harvest's pull requests name it. A form's preview
    // shows entries before they are checked, so only a complete entry with an https address is linked.
    const entry = value as { ckan?: unknown; organisation?: unknown; data_json?: unknown };
    const https = (address: unknown): address is string => typeof address === 'string' && /^https:\/\/[^\s]+$/i.test(address);
    const complete =
      'ckan' in entry ? https(entry.ckan) && typeof entry.organisation === 'string' && entry.organisation !== '' : https(entry.data_json);
    if (!complete) return text(JSON.stringify(value));
    const [source] = declaredSources({ open_data: [value as NonNullable<Organisation['open_data']>[number]] });
    return { kind: 'link', ...sourceLink(source!) };
  }
  if (key === 'harvest' && value && typeof value === 'object') {
    const sentences = harvestSettingsInWords(value as Organisation['harvest']);
    return sentences.length > 0 ? list(sentences.map(text)) : text('Everything reusable is harvested.');
  }
  if (key === 'systems' && value && typeof value === 'object') {
    // Partly filled in while someone types in a form, so each part is shown only when it is there.
    const system = value as Partial<System>;
    const supplier = system.supplier ? ` from ${system.supplier}` : '';
    const end =
      system.contract_end && /^\d{4}-(?:0[1-9]|1[0-2])$/.test(system.contract_end)
        ? `, contract ends ${monthInWords(system.contract_end)}`
        : '';
    return text(`${system.product ?? 'A system'}${supplier}${end}`);
  }
  if (value && typeof value === 'object') {
    // Links and distributions: a titled link, with the format where there is one.
    const item = value as { title?: string; url?: string; format?: string };
    if (item.url) {
      const label = [item.title, item.format].filter(Boolean).join(', ') || item.url;
      return { kind: 'link', text: label, href: item.url };
    }
    return text(JSON.stringify(value));
  }
  return text(String(value));
}

/** The rows to show for a record or organisation, in schema order, with the default licence filled in for records. */
export function fieldRows(
  schema: z.ZodObject,
  data: Record<string, unknown>,
  lookups: FieldLookups,
  /** defaultLicence: the hub's default licence id (hub.config.yaml), shown for a record that names none. */
  options: { defaultLicence?: string } = {},
): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (SHOWN_ELSEWHERE.has(key)) continue;
    let value = data[key];
    if (value === undefined && key === 'licence' && options.defaultLicence) value = options.defaultLicence;
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    rows.push({
      key,
      label: (key === 'gss_code' ? lookups.codeName : undefined) ?? fieldMeta(field).title ?? codeInWords(key.replace(/_/g, '-')),
      value: displayValue(key, value, lookups),
    });
  }
  return rows;
}
