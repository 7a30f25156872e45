/**
 * Where the weekly harvest reads a body's work, in words and links, for its page ("Harvested weekly
 * from …") and its field list. Sources are named as the harvest names them in its reports and pull
 * requests (harvest/sources.ts), so a council reads the same words in both places. Pure.
 */
import type { Organisation } from '../../schemas/organisation.ts';
import { harvestSources, sourceLabel } from './harvest/sources.ts';
import type { HarvestSource } from './harvest/types.ts';

export interface SourceLink {
  text: string;
  href: string;
}

export interface HarvestSummary {
  heading: string;
  /** A sentence before the list of sources, when the heading alone does not say enough. */
  intro?: string;
  sources: SourceLink[];
  /** The body's harvest settings, one sentence each, in parts (see SettingPart). */
  settings: SettingPart[][];
  /** What happens to what the harvest finds, when it is on. */
  outcome?: string;
}

/** Where a reader sees the source for themselves: the GitHub owner, the body's page on the CKAN portal, the data.json file. */
export function sourceHref(source: HarvestSource): string {
  switch (source.kind) {
    case 'github':
      return `https://github.com/${source.owner}`;
    case 'ckan':
      // CKAN's own address for an organisation's page, which lists every dataset the harvest can see.
      return `${source.portal}/organization/${encodeURIComponent(source.organisation)}`;
    case 'data_json':
      return source.url;
  }
}

export function sourceLink(source: HarvestSource): SourceLink {
  return { text: sourceLabel(source), href: sourceHref(source) };
}

/** Every source the file names, in its order, whether or not the harvest is turned off. */
export function declaredSources(organisation: Pick<Organisation, 'github' | 'open_data'>): HarvestSource[] {
  // harvestSources() reads only github, open_data and harvest.off; leaving harvest out names the sources
  // of a body that turned the harvest off too.
  return harvestSources({ github: organisation.github, open_data: organisation.open_data } as Organisation);
}

/**
 * A sentence about a setting, in parts: words, and the values from the file (topics, names, addresses),
 * kept apart so that a page can set them as code and a reader sees where a value starts and ends.
 */
export type SettingPart = { text: string } | { value: string };

/** Values joined as words join them: "a", "a or b", "a, b or c". */
function valueParts(values: readonly string[], conjunction: 'and' | 'or'): SettingPart[] {
  return values.flatMap((value, index) => [
    ...(index === 0 ? [] : [{ text: index === values.length - 1 ? ` ${conjunction} ` : ', ' }]),
    { value },
  ]);
}

/** The topics and leave_out settings, one sentence each. */
function filterSentences(harvest: NonNullable<Organisation['harvest']>): SettingPart[][] {
  const sentences: SettingPart[][] = [];
  const topics = harvest.topics ?? [];
  if (topics.length > 0) {
    const which = topics.length === 1 ? 'the topic ' : 'at least one of the topics ';
    sentences.push([{ text: `Only GitHub repositories with ${which}` }, ...valueParts(topics, 'or'), { text: ' are harvested.' }]);
  }
  const leaveOut = harvest.leave_out ?? [];
  if (leaveOut.length > 0) sentences.push([{ text: 'Never harvested: ' }, ...valueParts(leaveOut, 'and'), { text: '.' }]);
  return sentences;
}

const OFF: SettingPart[] = [
  { text: 'The harvest is turned off: it proposes nothing until ' },
  { value: 'off: true' },
  { text: ' is removed.' },
];

/** A sentence's parts as plain text. */
export function settingText(parts: readonly SettingPart[]): string {
  return parts.map((part) => ('text' in part ? part.text : part.value)).join('');
}

/** The `harvest:` settings as sentences of plain text: off first, as it overrides the rest. */
export function harvestSettingsInWords(harvest: Organisation['harvest']): string[] {
  if (!harvest) return [];
  return [...(harvest.off ? [OFF] : []), ...filterSentences(harvest)].map(settingText);
}

/** What the organisation page says about the harvest, or undefined when the body names no source. */
export function harvestSummary(organisation: Organisation): HarvestSummary | undefined {
  const sources = declaredSources(organisation).map(sourceLink);
  if (sources.length === 0) return undefined;
  const settings = organisation.harvest ? filterSentences(organisation.harvest) : [];
  if (organisation.harvest?.off) {
    return {
      heading: 'Harvest turned off',
      intro:
        `${organisation.name} publishes in these places, but has turned the weekly ` +
        'harvest off (off: true in its file), so nothing is proposed from them:',
      sources,
      settings,
    };
  }
  return {
    heading: 'Harvested weekly from',
    sources,
    settings,
    outcome:
      'Every week the hub reads these and proposes what it finds in a pull request, which people review before anything is published here.',
  };
}
