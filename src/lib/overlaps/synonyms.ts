/**
 * Council synonyms: different words councils use for the same thing. Each entry is a concept (its label,
 * the plain name shown in reasons) and the phrases that mean it. When a record contains any of the
 * phrases, it also gets the concept as an extra term, so "Brown bin renewals" and "Garden waste
 * subscriptions" share the concept "garden waste" even though they share no words.
 *
 * Phrases are matched after tokenising and stemming (tokenise.ts), so plurals and possessives match
 * ("brown bins", "brown bin's"), and stop words inside a phrase must be there ("home to school
 * transport"). A phrase may belong to more than one concept. Keep this table short and sure: a phrase
 * that is only sometimes a synonym makes unrelated items look alike. Welsh phrases are folded (ŵ → w).
 *
 * To add one: put the phrase under its concept (or add a concept), and add a case to
 * tests/unit/overlaps.test.ts if it fixes a missed match.
 */
export interface Concept {
  /** The plain name shown in reasons, e.g. "garden waste". Also a phrase of the concept itself. */
  label: string;
  phrases: readonly string[];
}

export const COUNCIL_SYNONYMS: readonly Concept[] = [
  { label: 'garden waste', phrases: ['brown bin', 'green bin', 'garden bin', 'green waste', 'garden refuse', 'garden recycling', 'gwastraff gardd'] },
  { label: 'waste collection', phrases: ['bin', 'wheelie bin', 'bin collection', 'refuse collection', 'rubbish collection', 'bin day', 'bin round', 'bin lorry', 'recycling collection', 'casgliad sbwriel'] },
  { label: 'missed collection', phrases: ['missed bin', 'bin not emptied', 'bin was not emptied', 'not collected'] },
  { label: 'bulky waste', phrases: ['bulky item', 'large item', 'bulky collection', 'furniture collection'] },
  { label: 'fly-tipping', phrases: ['fly tipping', 'flytipping', 'fly tip', 'illegal dumping', 'dumped rubbish'] },
  { label: 'council tax', phrases: ['ctax', 'treth gyngor'] },
  { label: 'single person discount', phrases: ['single occupancy discount', 'single occupier discount', 'live alone discount'] },
  { label: 'direct debit', phrases: ['debyd uniongyrchol'] },
  { label: 'blue badge', phrases: ['disabled parking badge', 'disabled parking permit', 'disabled badge', 'bathodyn glas'] },
  { label: 'school transport', phrases: ['home to school transport', 'learner travel', 'school bus', 'travel assistance', 'school travel', 'cludiant ysgol'] },
  { label: 'school admissions', phrases: ['school place', 'school application', 'school admission', 'in year transfer', 'derbyniadau ysgol'] },
  { label: 'housing repairs', phrases: ['disrepair', 'damp and mould', 'responsive repairs', 'atgyweirio'] },
  { label: 'pothole', phrases: ['road defect', 'carriageway defect', 'highway defect', 'pot hole'] },
  { label: 'street lighting', phrases: ['street light', 'streetlight', 'street lamp', 'lamp post', 'lamppost', 'broken light'] },
  { label: 'planning application', phrases: ['planning permission', 'planning comment', 'planning consultation', 'cais cynllunio'] },
  { label: 'care assessment', phrases: ['care needs assessment', 'needs assessment', 'social care assessment', 'care act assessment'] },
  { label: 'family information', phrases: ['family information service', 'family hub', 'families information', 'local offer'] },
  { label: 'community directory', phrases: ['service directory', 'directory of services', 'community directory', 'open referral'] },
  { label: 'parking permit', phrases: ['resident permit', 'residents parking', 'parking scheme', 'visitor permit'] },
  { label: 'phone queue', phrases: ['contact centre', 'call centre', 'phone line', 'phone call', 'call volume'] },
];
