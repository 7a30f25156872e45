/**
 * Keywords, tags and categories from other systems matched to the hub's themes
 * (content/vocabularies/themes.yaml), only where the match is exact or obvious. Everything else is
 * reported, so that a person picks themes rather than the importer guessing.
 */
import { slugify } from '../slug.ts';
import type { ThemeTerm } from './types.ts';

/**
 * publiccode.yml `categories` and `intendedAudience.scope` values whose theme is plain from the theme's
 * own description. Categories about the software's kind rather than its subject (content-management,
 * project-management, website-builder…) have no theme and are reported.
 */
export const PUBLICCODE_THEMES: Readonly<Record<string, string>> = {
  // categories
  'payment-gateway': 'payments',
  'mobile-payment': 'payments',
  'billing-and-invoicing': 'payments',
  'customer-service-and-support': 'customer-service',
  'call-center-management': 'customer-service',
  'data-analytics': 'data-and-insight',
  'data-visualization': 'data-and-insight',
  'business-intelligence': 'data-and-insight',
  'it-security': 'cyber-security',
  'cloud-management': 'infrastructure-and-cloud',
  'network-management': 'infrastructure-and-cloud',
  procurement: 'procurement-and-contracts',
  'workflow-management': 'forms-and-case-management',
  'business-process-management': 'forms-and-case-management',
  'learning-management-system': 'education-and-skills',
  'educational-content': 'education-and-skills',
  'taxes-management': 'council-tax-and-benefits',
  'grant-management': 'community-and-voluntary-sector',
  'agile-project-management': 'ways-of-working',
  // intendedAudience.scope
  environment: 'environment-and-climate',
  education: 'education-and-skills',
  transportation: 'highways-and-transport',
  culture: 'libraries-and-culture',
  tourism: 'libraries-and-culture',
  'sport-and-leisure': 'libraries-and-culture',
  'finance-and-economic-development': 'economy-and-business',
  employment: 'economy-and-business',
};

/**
 * Dataset keywords, tags and groups (as slugs) whose theme is plain, including data.gov.uk's themes.
 * Broad words that would tag everything ("data", "community", "health") are left out on purpose.
 */
export const KEYWORD_THEMES: Readonly<Record<string, string>> = {
  waste: 'waste-and-recycling',
  recycling: 'waste-and-recycling',
  bins: 'waste-and-recycling',
  'garden-waste': 'waste-and-recycling',
  'bin-collections': 'waste-and-recycling',
  'refuse-collection': 'waste-and-recycling',
  'fly-tipping': 'waste-and-recycling',
  homelessness: 'housing',
  'social-housing': 'housing',
  'council-housing': 'housing',
  'adult-social-care': 'adult-social-care',
  children: 'children-and-families',
  families: 'children-and-families',
  'early-years': 'children-and-families',
  childcare: 'children-and-families',
  education: 'education-and-skills',
  schools: 'education-and-skills',
  skills: 'education-and-skills',
  planning: 'planning-and-building-control',
  'planning-applications': 'planning-and-building-control',
  'building-control': 'planning-and-building-control',
  'land-charges': 'planning-and-building-control',
  highways: 'highways-and-transport',
  transport: 'highways-and-transport',
  roads: 'highways-and-transport',
  parking: 'highways-and-transport',
  'street-lighting': 'highways-and-transport',
  'public-transport': 'highways-and-transport',
  'council-tax': 'council-tax-and-benefits',
  'business-rates': 'council-tax-and-benefits',
  'housing-benefit': 'council-tax-and-benefits',
  benefits: 'council-tax-and-benefits',
  environment: 'environment-and-climate',
  climate: 'environment-and-climate',
  'climate-change': 'environment-and-climate',
  'air-quality': 'environment-and-climate',
  flooding: 'environment-and-climate',
  'green-spaces': 'environment-and-climate',
  biodiversity: 'environment-and-climate',
  libraries: 'libraries-and-culture',
  library: 'libraries-and-culture',
  culture: 'libraries-and-culture',
  museums: 'libraries-and-culture',
  archives: 'libraries-and-culture',
  arts: 'libraries-and-culture',
  leisure: 'libraries-and-culture',
  tourism: 'libraries-and-culture',
  licensing: 'licensing-and-regulation',
  'trading-standards': 'licensing-and-regulation',
  'environmental-health': 'licensing-and-regulation',
  'food-hygiene': 'licensing-and-regulation',
  elections: 'democracy-and-elections',
  democracy: 'democracy-and-elections',
  councillors: 'democracy-and-elections',
  voting: 'democracy-and-elections',
  'voluntary-sector': 'community-and-voluntary-sector',
  volunteering: 'community-and-voluntary-sector',
  grants: 'community-and-voluntary-sector',
  economy: 'economy-and-business',
  business: 'economy-and-business',
  'business-and-economy': 'economy-and-business',
  regeneration: 'economy-and-business',
  employment: 'economy-and-business',
  procurement: 'procurement-and-contracts',
  contracts: 'procurement-and-contracts',
  'open-data': 'data-and-insight',
  'data-standards': 'data-and-insight',
};

export interface ThemeMatch {
  themes: string[];
  /** The terms that matched no theme, as the source wrote them. */
  unmatched: string[];
  /** Themes matched beyond the schema's limit, left out. */
  dropped: string[];
}

/**
 * Matches terms to theme ids: a term that is a theme's id or label (in any case or spacing), or one in
 * `synonyms`. At most `max` themes; repeated themes count once. Synonyms pointing at themes the
 * vocabulary does not have are ignored.
 */
export function matchThemes(
  terms: readonly string[],
  vocabulary: readonly ThemeTerm[],
  synonyms: Readonly<Record<string, string>>,
  max = 10,
): ThemeMatch {
  const ids = new Map<string, string>();
  for (const theme of vocabulary) {
    ids.set(theme.id, theme.id);
    ids.set(slugify(theme.label), theme.id);
  }
  const themes: string[] = [];
  const unmatched: string[] = [];
  const seenTerms = new Set<string>();
  for (const term of terms) {
    const key = slugify(term);
    if (!key || seenTerms.has(key)) continue;
    seenTerms.add(key);
    const synonym = synonyms[key];
    const theme = ids.get(key) ?? (synonym !== undefined && ids.has(synonym) ? synonym : undefined);
    if (theme === undefined) unmatched.push(term);
    else if (!themes.includes(theme)) themes.push(theme);
  }
  return { themes: themes.slice(0, max), unmatched, dropped: themes.slice(max) };
}
