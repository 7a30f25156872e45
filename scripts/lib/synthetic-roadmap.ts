/**
 * Synthetic roadmap items for the overlap benchmark, in memory (the engine takes items, not files).
 * Seeded, so every run gives the same items. Like synthetic-content.ts, the text is the demonstration
 * records' own sentences: each item has a topic (a demonstration record with a body) and draws 92% of
 * its title words and sentences from it, so items on the same topic read alike as real write-ups of the
 * same work do. Each topic also has three LGSL services of its own (drawn from the real list): an item
 * takes one to three services, mostly its topic's, sometimes any; some items have none, as some real ones
 * do. Themes, statuses, dates (2022–2027, some open-ended or missing) and partners vary as in real
 * roadmaps, over the register's ~400 organisations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { ROADMAP_STATUSES } from '../../schemas/roadmap.ts';
import type { OverlapItem } from '../../src/lib/overlaps/index.ts';
import { loadServices } from '../../src/lib/reference-data.ts';
import { demonstrationText, seededRandom } from './synthetic-content.ts';

export interface SyntheticRoadmapOptions {
  items: number;
  /** The real content folder, whose organisations, themes and demonstration text are used. */
  source: string;
  seed?: number;
  /** The group given to every item (the hub's 'real'). */
  group?: string;
}

/** Status shares: most work is in discovery to live; a little is paused, stopped or retired. */
const STATUS_WEIGHTS: Record<(typeof ROADMAP_STATUSES)[number], number> = {
  idea: 0.1,
  discovery: 0.15,
  alpha: 0.15,
  beta: 0.2,
  live: 0.25,
  paused: 0.05,
  stopped: 0.05,
  retired: 0.05,
};

export function syntheticRoadmapItems(options: SyntheticRoadmapOptions): {
  items: OverlapItem[];
  organisations: number;
  themeLabels: Map<string, string>;
} {
  const random = seededRandom(options.seed ?? 2027);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

  const demonstration = demonstrationText(options.source);
  const topics = demonstration.filter((record) => record.sentences.length >= 8);
  if (topics.length < 2) throw new Error(`syntheticRoadmapItems: ${options.source} has too little demonstration text to draw from`);
  const allSentences = demonstration.flatMap((record) => record.sentences);
  const organisations = readdirSync(join(options.source, 'organisations'))
    .filter(
      (file) =>
        file.endsWith('.yaml') && !/^demonstration:\s*true/m.test(readFileSync(join(options.source, 'organisations', file), 'utf8')),
    )
    .map((file) => file.replace(/\.yaml$/, ''))
    .sort();
  const themeList = (
    loadYaml(readFileSync(join(options.source, 'vocabularies/themes.yaml'), 'utf8')) as { themes: { id: string; label: string }[] }
  ).themes;
  const themeIds = themeList.map((theme) => theme.id);
  const serviceIds = [...loadServices().keys()].sort((a, b) => a - b);
  const topicServices = topics.map(() => [pick(serviceIds), pick(serviceIds), pick(serviceIds)]);
  const statuses = ROADMAP_STATUSES.flatMap((status) => Array.from({ length: Math.round(STATUS_WEIGHTS[status] * 100) }, () => status));
  const month = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

  const items: OverlapItem[] = [];
  for (let i = 0; i < options.items; i++) {
    const topicIndex = Math.floor(random() * topics.length);
    const topic = topics[topicIndex];
    const sentence = () => (random() < 0.92 ? pick(topic.sentences) : pick(allSentences));
    const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ');
    const titleWords = Array.from({ length: 3 + Math.floor(random() * 4) }, () =>
      pick(random() < 0.92 ? topic.titleWords : pick(demonstration).titleWords),
    );
    const title = titleWords.join(' ');
    const organisation = organisations[i % organisations.length];
    const slug = `${titleWords
      .slice(0, 3)
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '')}-${i}`;

    const item: OverlapItem = {
      id: `roadmap/${organisation}/${slug}`,
      organisation,
      title: `${title[0].toUpperCase()}${title.slice(1)}`,
      summary: random() < 0.5 ? topic.summary : `${sentence()} ${sentence()}`,
      body: [
        `## What we are doing\n\n${paragraph()}`,
        `## What we have learned\n\n${paragraph()}\n\n- ${sentence()}\n- ${sentence()}\n- ${sentence()}`,
        `## Next\n\n${paragraph()} Read more on [our blog](https://www.example.gov.uk/blog/${slug}).`,
      ].join('\n\n'),
      status: pick(statuses),
    };
    if (options.group !== undefined) item.group = options.group;
    if (random() >= 0.15) {
      const count = 1 + Math.floor(random() * 3);
      item.services = [
        ...new Set(Array.from({ length: count }, () => (random() < 0.75 ? pick(topicServices[topicIndex]) : pick(serviceIds)))),
      ];
    }
    item.themes = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(themeIds)))];
    const dates = random();
    const start = 2022 * 12 + Math.floor(random() * 72);
    if (dates >= 0.05) item.start = month(start);
    if (dates >= 0.13) item.end = month(start + 2 + Math.floor(random() * 23));
    if (random() < 0.15) {
      const partner = pick(organisations);
      if (partner !== organisation) item.partners = [partner];
    }
    items.push(item);
  }
  return {
    items,
    organisations: new Set(items.map((item) => item.organisation)).size,
    themeLabels: new Map(themeList.map((theme) => [theme.id, theme.label])),
  };
}
