/**
 * src/lib/harvest-sources.ts: what an organisation's page says about the weekly harvest ("Harvested
 * weekly from …"), from its github, open_data and harvest fields. Every organisation here is checked
 * with the real organisation schema first, so the tests only use files a council could write.
 */
import { describe, expect, it } from 'vitest';
import { organisationSchema, type Organisation } from '../../schemas/organisation.ts';
import { sourceLabel } from '../../src/lib/harvest/sources.ts';
import {
  declaredSources,
  harvestSettingsInWords,
  harvestSummary,
  settingText,
  sourceHref,
  sourceLink,
} from '../../src/lib/harvest-sources.ts';

/** A fictional body (the test baseline's Ashdown), with whatever harvest fields a test gives it, checked by the schema. */
function ashdown(fields: Partial<Organisation> = {}): Organisation {
  const result = organisationSchema.safeParse({
    name: 'Ashdown',
    official_name: 'Ashdown County Council',
    type: 'county',
    gss_code: 'E99999911',
    demonstration: true,
    ...fields,
  });
  if (!result.success) throw new Error(`test data is not a valid organisation: ${result.error.message}`);
  return result.data;
}

const CKAN = { ckan: 'https://data.ashdown.example', organisation: 'ashdown-county-council' };
const DATA_JSON = { data_json: 'https://opendata.ashdown.example/catalogue/data.json' };

describe('declaredSources and sourceLink', () => {
  it('names each GitHub owner, CKAN portal and data.json address in the file’s order, linked to where a reader can see it', () => {
    const sources = declaredSources(ashdown({ github: ['ashdown-council', 'ashdown-digital'], open_data: [CKAN, DATA_JSON] }));
    expect(sources.map(sourceLink)).toEqual([
      { text: 'GitHub: ashdown-council', href: 'https://github.com/ashdown-council' },
      { text: 'GitHub: ashdown-digital', href: 'https://github.com/ashdown-digital' },
      {
        text: 'data.ashdown.example (organisation ashdown-county-council)',
        href: 'https://data.ashdown.example/organization/ashdown-county-council',
      },
      { text: 'https://opendata.ashdown.example/catalogue/data.json', href: 'https://opendata.ashdown.example/catalogue/data.json' },
    ]);
  });

  it('takes github written as one name as well as a list', () => {
    expect(declaredSources(ashdown({ github: 'ashdown-council' })).map(sourceLink)).toEqual([
      { text: 'GitHub: ashdown-council', href: 'https://github.com/ashdown-council' },
    ]);
  });

  it('names sources as the harvest’s own reports and pull requests do', () => {
    for (const source of declaredSources(ashdown({ github: 'ashdown-council', open_data: [CKAN, DATA_JSON] }))) {
      expect(sourceLink(source).text).toBe(sourceLabel(source));
    }
  });

  it('links a CKAN portal written with a trailing slash, or under a path, to its organisation page without a double slash', () => {
    const [atRoot, underPath] = declaredSources(
      ashdown({
        open_data: [
          { ckan: 'https://data.ashdown.example/', organisation: 'ashdown' },
          { ckan: 'https://portal.ashdown.example/ckan', organisation: 'ashdown_cc' },
        ],
      }),
    );
    expect(sourceHref(atRoot!)).toBe('https://data.ashdown.example/organization/ashdown');
    expect(sourceHref(underPath!)).toBe('https://portal.ashdown.example/ckan/organization/ashdown_cc');
    expect(sourceLink(underPath!).text).toBe('portal.ashdown.example/ckan (organisation ashdown_cc)');
  });

  it('still names the sources of a body that turned the harvest off', () => {
    expect(declaredSources(ashdown({ github: 'ashdown-council', harvest: { off: true } }))).toEqual([
      { kind: 'github', owner: 'ashdown-council' },
    ]);
  });
});

describe('harvestSettingsInWords', () => {
  it('says nothing for a body with no settings, or an empty setting', () => {
    expect(harvestSettingsInWords(undefined)).toEqual([]);
    expect(harvestSettingsInWords(ashdown({ harvest: {} }).harvest)).toEqual([]);
  });

  it('says which topics a repository needs: one, two, or several', () => {
    expect(harvestSettingsInWords({ topics: ['council-commons'] })).toEqual([
      'Only GitHub repositories with the topic council-commons are harvested.',
    ]);
    expect(harvestSettingsInWords({ topics: ['council-commons', 'open-source'] })).toEqual([
      'Only GitHub repositories with at least one of the topics council-commons or open-source are harvested.',
    ]);
    expect(harvestSettingsInWords({ topics: ['a', 'b', 'c'] })).toEqual([
      'Only GitHub repositories with at least one of the topics a, b or c are harvested.',
    ]);
  });

  it('lists what is left out, repositories and datasets alike', () => {
    expect(
      harvestSettingsInWords({ leave_out: ['old-website', 'ashdown-council/test-repo', 'https://data.ashdown.example/dataset/drafts'] }),
    ).toEqual(['Never harvested: old-website, ashdown-council/test-repo and https://data.ashdown.example/dataset/drafts.']);
  });

  it('puts off first, since it overrides the rest, and keeps the other settings after it', () => {
    expect(harvestSettingsInWords({ off: true, topics: ['council-commons'], leave_out: ['old-website'] })).toEqual([
      'The harvest is turned off: it proposes nothing until off: true is removed.',
      'Only GitHub repositories with the topic council-commons are harvested.',
      'Never harvested: old-website.',
    ]);
    expect(harvestSettingsInWords({ off: false })).toEqual([]);
  });
});

describe('harvestSummary', () => {
  it('shows nothing for a body that names no source, even with harvest settings', () => {
    expect(harvestSummary(ashdown())).toBeUndefined();
    expect(harvestSummary(ashdown({ harvest: { topics: ['council-commons'] } }))).toBeUndefined();
    expect(harvestSummary(ashdown({ open_data: [] }))).toBeUndefined();
  });

  it('is headed "Harvested weekly from", with the sources, the settings and what happens to what is found', () => {
    const summary = harvestSummary(
      ashdown({ github: 'ashdown-council', open_data: [CKAN], harvest: { topics: ['council-commons'], leave_out: ['old-website'] } }),
    );
    expect(summary).toEqual({
      heading: 'Harvested weekly from',
      sources: [
        { text: 'GitHub: ashdown-council', href: 'https://github.com/ashdown-council' },
        {
          text: 'data.ashdown.example (organisation ashdown-county-council)',
          href: 'https://data.ashdown.example/organization/ashdown-county-council',
        },
      ],
      settings: [
        [{ text: 'Only GitHub repositories with the topic ' }, { value: 'council-commons' }, { text: ' are harvested.' }],
        [{ text: 'Never harvested: ' }, { value: 'old-website' }, { text: '.' }],
      ],
      outcome: expect.stringMatching(/^Every week the hub reads these and proposes what it finds in a pull request/),
    });
  });

  it('keeps each value from the file apart from the words around it, so a page can set it as code', () => {
    const summary = harvestSummary(
      ashdown({ github: 'ashdown-council', harvest: { topics: ['council-commons', 'open-source'], leave_out: ['a', 'b', 'c'] } }),
    )!;
    expect(summary.settings[0]).toEqual([
      { text: 'Only GitHub repositories with at least one of the topics ' },
      { value: 'council-commons' },
      { text: ' or ' },
      { value: 'open-source' },
      { text: ' are harvested.' },
    ]);
    expect(summary.settings[1]!.filter((part) => 'value' in part)).toEqual([{ value: 'a' }, { value: 'b' }, { value: 'c' }]);
    expect(summary.settings.map(settingText)).toEqual(
      harvestSettingsInWords({ topics: ['council-commons', 'open-source'], leave_out: ['a', 'b', 'c'] }),
    );
  });

  it('says plainly when the harvest is off, naming the body, and does not claim it reads the sources every week', () => {
    const summary = harvestSummary(ashdown({ open_data: [DATA_JSON], harvest: { off: true, leave_out: ['old-website'] } }))!;
    expect(summary.heading).toBe('Harvest turned off');
    expect(summary.intro).toBe(
      'Ashdown publishes in these places, but has turned the weekly harvest off (off: true in its file), so nothing is proposed from them:',
    );
    expect(summary.sources).toEqual([{ text: DATA_JSON.data_json, href: DATA_JSON.data_json }]);
    expect(summary.settings.map(settingText)).toEqual(['Never harvested: old-website.']);
    expect(summary.outcome).toBeUndefined();
  });
});
