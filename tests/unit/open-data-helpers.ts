/** What the open-data builder tests share: a context with made-up addresses and licences. */
import type { OpenDataContext } from '../../src/lib/open-data/context.ts';

export const OGL = { id: 'OGL-UK-3.0', name: 'Open Government Licence v3.0', url: 'https://licence.example/ogl/' };

export const LICENCES: Record<string, { id: string; name: string; url: string }> = {
  'OGL-UK-3.0': OGL,
  'CC-BY-4.0': { id: 'CC-BY-4.0', name: 'Creative Commons Attribution 4.0', url: 'https://licence.example/cc-by/' },
  MIT: { id: 'MIT', name: 'MIT License', url: 'https://licence.example/mit/' },
};

export const context: OpenDataContext = {
  pageUrl: (path) => `https://hub.example/base/${path}${path ? '/' : ''}`,
  fileUrl: (path) => `https://hub.example/base/${path}`,
  licence: (id) => (id ? LICENCES[id] : OGL),
  defaultLicence: OGL,
  hubName: 'Council Commons',
  generated: '2026-11-27T00:00:00.000Z',
  languages: ['en-GB', 'cy'],
};

/**
 * The keys publiccode.yml (v0.5) requires, at the top level and in each section (paths joined with /),
 * from /work/shared/data/publiccode-fields.md. `maintenance/contractors` (for contract maintenance) and
 * `maintenance/contacts` (for internal and community) are required conditionally and checked apart.
 */
export const REQUIRED_PUBLICCODE_FIELDS = [
  'publiccodeYmlVersion',
  'name',
  'url',
  'platforms',
  'developmentStatus',
  'softwareType',
  'description/en/shortDescription',
  'description/en/longDescription',
  'description/en/features',
  'legal/license',
  'maintenance/type',
  'localisation/localisationReady',
  'localisation/availableLanguages',
];
