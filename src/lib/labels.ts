/** Words for the hub's codes, as readers see them: metropolitan-district → Metropolitan district. */
import type { NATIONS, ORGANISATION_TYPES } from '../../schemas/organisation.ts';

export const ORGANISATION_TYPE_LABELS: Record<(typeof ORGANISATION_TYPES)[number], string> = {
  county: 'County council',
  district: 'District council',
  unitary: 'Unitary authority',
  'metropolitan-district': 'Metropolitan district',
  'london-borough': 'London borough',
  'city-corporation': 'City corporation',
  'combined-authority': 'Combined authority',
  'strategic-authority': 'Strategic authority',
  'scottish-council': 'Scottish council',
  'welsh-principal-area': 'Welsh principal area',
  'ni-district': 'Northern Ireland district',
  'other-public-body': 'Other public body',
  'community-group': 'Community or civic-tech group',
};

export const NATION_LABELS: Record<(typeof NATIONS)[number], string> = {
  england: 'England',
  scotland: 'Scotland',
  wales: 'Wales',
  'northern-ireland': 'Northern Ireland',
};

/** Text with its first letter capital: 'roadmap item' → 'Roadmap item'. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A code as words: 'did-not-work' → 'Did not work'. */
export function codeInWords(code: string): string {
  return sentenceCase(code.replace(/-/g, ' '));
}

/** What to call a body when counting them ("used by 3 councils and 1 community group"). */
export function organisationKind(type: (typeof ORGANISATION_TYPES)[number]): string {
  switch (type) {
    case 'combined-authority':
    case 'strategic-authority':
      return 'combined authority';
    case 'other-public-body':
      return 'other public body';
    case 'community-group':
      return 'community group';
    default:
      return 'council';
  }
}
