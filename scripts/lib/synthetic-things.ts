/**
 * Synthetic components and datasets for the overlap benchmark, and a mixed set of all three kinds. The
 * text, services, themes and organisations are those of synthetic roadmap items (synthetic-roadmap.ts,
 * drawn from the demonstration records' sentences, ~570 items a topic at 25,000), which is a harder case
 * than real components: far more of them read alike. On top, what identifies a thing: each has its own
 * repository or address; 3% name another's repository in their text (forks under a new name) and 2% list
 * another's repository as their own (the same thing twice); standards, formats and component kinds are
 * drawn from short lists, so that many share them, as real ones do.
 */
import { COMPONENT_KINDS } from '../../schemas/component.ts';
import type { OverlapItem } from '../../src/lib/overlaps/index.ts';
import { seededRandom } from './synthetic-content.ts';
import { syntheticRoadmapItems, type SyntheticRoadmapOptions } from './synthetic-roadmap.ts';

const STANDARDS = [
  'WCAG 2.2 AA',
  'GOV.UK Design System',
  'Open Referral UK',
  'BS7666 addresses with UPRNs',
  'Bin collection data standard',
  '360Giving',
  'Local Government Service List',
  'OpenAPI 3.1',
  'Open Contracting Data Standard',
  'Schema.org',
];
const FORMATS = ['CSV', 'JSON', 'GeoJSON', 'XLSX', 'API', 'PDF'];

export interface MixedOptions extends SyntheticRoadmapOptions {
  /** Shares of components and datasets among the items; the rest are roadmap items. Default 0.3 and 0.2. */
  components?: number;
  datasets?: number;
}

/** `items` synthetic records: roadmap items, components and datasets in the shares asked for. */
export function syntheticMixedItems(options: MixedOptions): {
  items: OverlapItem[];
  organisations: number;
  themeLabels: Map<string, string>;
} {
  const base = syntheticRoadmapItems(options);
  const random = seededRandom((options.seed ?? 2027) + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const componentShare = options.components ?? 0.3;
  const datasetShare = options.datasets ?? 0.2;
  const repositories: string[] = [];
  const items = base.items.map((item, index): OverlapItem => {
    const share = (index % 100) / 100;
    const slug = item.id.split('/')[2];
    const common = {
      organisation: item.organisation,
      group: item.group,
      title: item.title,
      summary: item.summary,
      body: item.body,
      services: item.services,
      themes: item.themes,
    };
    if (share < componentShare) {
      const own = `https://github.com/${item.organisation}/${slug}`;
      const draw = random();
      const upstream = repositories.length > 0 && draw < 0.05 ? pick(repositories) : undefined;
      repositories.push(own);
      const fork = upstream !== undefined && draw < 0.03;
      const website = `https://${item.organisation}.example/${slug}`;
      return {
        ...common,
        id: `components/${item.organisation}/${slug}`,
        kind: 'components',
        // As the hub's items say it (content-overlaps.ts): the upstream named in the text is among the links.
        body: fork ? `${item.body}\n\nForked from [the original](${upstream}).` : item.body,
        addresses: [upstream !== undefined && !fork ? upstream : own],
        links: fork ? [website, upstream] : [website],
        standards: [...new Set([pick(STANDARDS), pick(STANDARDS)])].slice(0, 1 + Math.floor(random() * 2)),
        subtype: pick(COMPONENT_KINDS),
      };
    }
    if (share < componentShare + datasetShare) {
      return {
        ...common,
        id: `datasets/${item.organisation}/${slug}`,
        kind: 'datasets',
        addresses: [`https://data.${item.organisation}.example/dataset/${slug}`, `https://data.${item.organisation}.example/${slug}.csv`],
        standards: random() < 0.3 ? [pick(STANDARDS)] : [],
        formats: [...new Set([pick(FORMATS), pick(FORMATS)])],
      };
    }
    return item;
  });
  return { items, organisations: base.organisations, themeLabels: base.themeLabels };
}
