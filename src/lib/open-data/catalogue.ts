/**
 * What both dataset catalogues (DCAT-AP JSON-LD and Project Open Data's data.json) take: each dataset
 * with its organisation, services and themes already looked up, and the words they share.
 */
import type { Dataset } from '../../../schemas/dataset.ts';

export interface CatalogueDataset {
  /** `datasets/<organisation>/<slug>`. */
  id: string;
  data: Dataset;
  organisation: {
    id: string;
    /** The name to publish under: the official name when there is one. */
    name: string;
    /** The organisation's own contact (an email address or a web page), when it has one. */
    contact?: string | undefined;
  };
  /** The record's services from the Local Government Service List, with the list's URI for each. */
  services: readonly { id: number; label: string; uri: string }[];
  themes: readonly { id: string; label: string }[];
  /** When the record's file last changed in git (ISO 8601), when known. */
  lastUpdated?: string | undefined;
}

/** The catalogue's title, with the hub's name (hub.config.yaml). */
export function catalogueTitle(hubName: string): string {
  return `${hubName}: open datasets`;
}

export function catalogueDescription(hubName: string): string {
  return (
    'Open datasets that UK councils and civic-tech groups publish, as they describe them on ' +
    `${hubName}: where each is, its licence, formats, update frequency, coverage and contact.`
  );
}

/** A contact as an email address, or undefined when it is a web page. */
export function emailOf(contact: string | undefined): string | undefined {
  if (!contact) return undefined;
  if (/^mailto:/i.test(contact)) return contact.slice('mailto:'.length);
  return /^[^\s@/]+@[^\s@/]+$/.test(contact) ? contact : undefined;
}

/** A contact as a web address, or undefined when it is an email address. */
export function webOf(contact: string | undefined): string | undefined {
  return contact && /^https?:\/\//i.test(contact) ? contact : undefined;
}

/**
 * Who to ask about a dataset: its own contact, else its organisation's. Either may be an email address
 * or a web page; the name is the organisation's, since the hub asks for team mailboxes, not people.
 */
export function contactOf(dataset: CatalogueDataset): { name: string; email?: string; url?: string } | undefined {
  const contact = dataset.data.contact ?? dataset.organisation.contact;
  if (!contact) return undefined;
  const email = emailOf(contact);
  const url = webOf(contact);
  return { name: dataset.organisation.name, ...(email ? { email } : {}), ...(url ? { url } : {}) };
}

/** Keywords: the labels of the dataset's themes, then of its services. */
export function keywordsOf(dataset: CatalogueDataset): string[] {
  return [...new Set([...dataset.themes.map((theme) => theme.label), ...dataset.services.map((service) => service.label)])];
}

/** The day part of an ISO 8601 date-time: 2026-11-27T10:00:00+00:00 → 2026-11-27. */
export function dayOf(dateTime: string): string {
  return dateTime.slice(0, 10);
}
