/**
 * src/lib/validation/schema-problems.ts: turning zod issues into problems people can act on. The
 * issues come from the real schemas, parsed the way the validator parses them (with expectedWording).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { organisationSchema } from '../../schemas/organisation.ts';
import { roadmapSchema } from '../../schemas/roadmap.ts';
import type { Problem } from '../../src/lib/validation/problem.ts';
import {
  expectedWording,
  guessDate,
  schemaAt,
  schemaProblems,
  type SchemaProblemContext,
} from '../../src/lib/validation/schema-problems.ts';

const VALID = { title: 'Garden waste subscriptions online', summary: 'Residents subscribe online.', status: 'beta' };

interface Run {
  problems: Problem[];
  /** Every call made to `locate`, to check where each problem points. */
  located: { path: PropertyKey[]; key: boolean }[];
  suggested: { path: PropertyKey[]; value: unknown }[];
}

/** Parses a value with a real schema, as the validator does, and turns the issues into problems. */
function problemsFor(
  value: unknown,
  options: { schema?: z.ZodType; singular?: string; suggest?: SchemaProblemContext['suggest'] } = {},
): Run {
  const schema = options.schema ?? roadmapSchema;
  const result = schema.safeParse(value, { error: expectedWording });
  if (result.success) return { problems: [], located: [], suggested: [] };
  const located: Run['located'] = [];
  const suggested: Run['suggested'] = [];
  const problems = schemaProblems(result.error.issues, {
    file: 'content/roadmap/ashdown/garden-waste-online.md',
    singular: options.singular ?? 'roadmap item',
    schema,
    value,
    // A position that encodes the path, so a test can see what each problem was placed by.
    locate: (path, key = false) => {
      located.push({ path: [...path], key });
      return { line: path.length + 1, column: key ? 1 : 10 };
    },
    suggest: (path, found) => {
      suggested.push({ path: [...path], value: found });
      return options.suggest?.(path, found);
    },
  });
  return { problems, located, suggested };
}

function onlyProblem(value: unknown, options?: Parameters<typeof problemsFor>[1]): Problem {
  const { problems } = problemsFor(value, options);
  expect(problems, JSON.stringify(problems)).toHaveLength(1);
  return problems[0];
}

describe('guessDate', () => {
  it.each([
    ['April 2026', 'month', '2026-04'],
    ['april 2026', 'month', '2026-04'],
    ['Apr 2026', 'month', '2026-04'],
    ['Sept. 2026', 'month', '2026-09'],
    ['2026-4', 'month', '2026-04'],
    ['2026/04', 'month', '2026-04'],
    ['04/2026', 'month', '2026-04'],
    ['4.2026', 'month', '2026-04'],
    ['01/04/2026', 'month', '2026-04'],
    ['01/04/2026', 'day', '2026-04-01'],
    ['1/4/2026', 'day', '2026-04-01'],
    ['31.03.2027', 'day', '2027-03-31'],
    ['2026-4-1', 'day', '2026-04-01'],
    ['2026/04/30', 'day', '2026-04-30'],
    ['1st March 2026', 'day', '2026-03-01'],
    ['2nd April, 2026', 'day', '2026-04-02'],
    ['23rd December 2026', 'day', '2026-12-23'],
    ['30 April 2026', 'day', '2026-04-30'],
    ['29/02/2028', 'day', '2028-02-29'],
    ['  April 2026  ', 'month', '2026-04'],
  ] as const)('reads "%s" (%s) as %s', (text, precision, expected) => {
    expect(guessDate(text, precision)).toBe(expected);
  });

  it.each([
    ['31/02/2026', 'day', 'a day February does not have'],
    ['29/02/2026', 'day', '29 February in a year that is not a leap year'],
    ['31 April 2026', 'day', 'a day April does not have'],
    ['13/13/2026', 'day', 'a month 13'],
    ['00/04/2026', 'day', 'day 0'],
    ['2026-13', 'month', 'month 13'],
    ['2026-00', 'month', 'month 0'],
    ['Smarch 2026', 'month', 'a word that is no month'],
    ['April 2026', 'day', 'a month when a day is needed'],
    ['soon', 'month', 'no date at all'],
    ['', 'month', 'nothing'],
  ] as const)('gives up on "%s" (%s): %s', (text, precision, _why) => {
    expect(guessDate(text, precision)).toBeUndefined();
  });
});

describe('schemaAt', () => {
  it('finds the schema of a required field', () => {
    expect(schemaAt(roadmapSchema, ['status'])?._zod.def.type).toBe('enum');
  });

  it('looks through .optional() to the field’s own schema', () => {
    const start = schemaAt(roadmapSchema, ['start']);
    expect(start?._zod.def.type).toBe('string');
    expect((start as z.ZodString).safeParse('2026-04').success).toBe(true);
    expect((start as z.ZodString).safeParse(undefined).success).toBe(false);
  });

  it('finds the schema of a list item, whatever the index', () => {
    expect(schemaAt(roadmapSchema, ['services', 0])?._zod.def.type).toBe('number');
    expect(schemaAt(roadmapSchema, ['services', 29])?._zod.def.type).toBe('number');
  });

  it('goes through an optional list of objects to a field of one of them', () => {
    const url = schemaAt(roadmapSchema, ['links', 1, 'url']) as z.ZodType;
    expect(url.safeParse('https://www.example.gov.uk/').success).toBe(true);
    expect(url.safeParse('javascript:alert(1)').success).toBe(false);
  });

  it('gives the object itself for an empty path', () => {
    expect(schemaAt(roadmapSchema, [])).toBe(roadmapSchema);
  });

  it('gives undefined for a field the schema does not have, or a path into text', () => {
    expect(schemaAt(roadmapSchema, ['sumary'])).toBeUndefined();
    expect(schemaAt(roadmapSchema, ['title', 'x'])).toBeUndefined();
    expect(schemaAt(roadmapSchema, ['links', 'url'])?._zod.def.type).toBe('object');
  });
});

describe('schemaProblems on the roadmap schema', () => {
  it('finds nothing to say about a valid roadmap item', () => {
    expect(problemsFor(VALID).problems).toEqual([]);
  });

  it('suggests the lowercase status for "Beta"', () => {
    expect(onlyProblem({ ...VALID, status: 'Beta' })).toEqual({
      severity: 'error',
      rule: 'schema/enum',
      file: 'content/roadmap/ashdown/garden-waste-online.md',
      line: 2,
      column: 10,
      field: 'status',
      message: '`status` is "Beta"; expected one of: idea, discovery, alpha, beta, live, paused, stopped, retired.',
      found: '"Beta"',
      expected: 'one of: idea, discovery, alpha, beta, live, paused, stopped, retired',
      fix: 'did you mean `beta`?',
    });
  });

  it('suggests the nearest status for a misspelling, and none for a word far from all of them', () => {
    expect(onlyProblem({ ...VALID, status: 'discvery' }).fix).toBe('did you mean `discovery`?');
    const far = onlyProblem({ ...VALID, status: 'finished' });
    expect(far.rule).toBe('schema/enum');
    expect(far.fix).toBeUndefined();
  });

  it('says to write a service id without quotes when it is quoted text', () => {
    const problem = onlyProblem({ ...VALID, services: ['524'] });
    expect(problem).toMatchObject({
      rule: 'schema/type',
      field: 'services[0]',
      message: '`services[0]` is "524"; expected a service id from the hub’s service list: a whole number such as 524.',
      fix: 'write the number without quotes: 524',
    });
  });

  it('says to write a list when services is a single value, quoted or not', () => {
    expect(onlyProblem({ ...VALID, services: '524' })).toMatchObject({
      rule: 'schema/type',
      field: 'services',
      message: expect.stringMatching(/^`services` is "524"; expected a list/),
      fix: 'write it as a list: [524]',
    });
    expect(onlyProblem({ ...VALID, services: 524 })).toMatchObject({
      rule: 'schema/type',
      field: 'services',
      message: expect.stringMatching(/^`services` is 524; expected a list/),
      fix: 'write it as a list: [524]',
    });
  });

  it.each([
    ['2026-4', 'write 2026-04'],
    ['April 2026', 'write 2026-04'],
    ['04/2026', 'write 2026-04'],
    ['1 April 2026', 'write 2026-04'],
  ])('suggests the YYYY-MM form for a start of "%s"', (start, fix) => {
    expect(onlyProblem({ ...VALID, start })).toMatchObject({
      rule: 'schema/format',
      field: 'start',
      message: `\`start\` is "${start}"; expected a month written as YYYY-MM, e.g. 2026-04.`,
      fix,
    });
  });

  it('gives no fix for a start that is no recognisable month', () => {
    const problem = onlyProblem({ ...VALID, start: 'next spring' });
    expect(problem.rule).toBe('schema/format');
    expect(problem.fix).toBeUndefined();
  });

  it('suggests the YYYY-MM-DD form for a UK-order review_by, and nothing for an impossible date', () => {
    expect(onlyProblem({ ...VALID, review_by: '31/03/2027' })).toMatchObject({
      rule: 'schema/format',
      field: 'review_by',
      message: expect.stringMatching(/expected a date written as YYYY-MM-DD/),
      fix: 'write 2027-03-31',
    });
    expect(onlyProblem({ ...VALID, review_by: '31/02/2027' }).fix).toBeUndefined();
  });

  it('reports a missing required field at its parent, with an example line and the field’s description', () => {
    const run = problemsFor({ title: VALID.title, status: 'idea' });
    expect(run.problems).toEqual([
      {
        severity: 'error',
        rule: 'schema/required',
        file: 'content/roadmap/ashdown/garden-waste-online.md',
        line: 1,
        column: 10,
        field: 'summary',
        message: '`summary` is required but missing; expected text.',
        expected: 'text',
        fix:
          'add a line such as `summary: Letting residents subscribe to and renew garden waste collection online, ' +
          'with automatic renewal reminders.`: One or two plain sentences saying what this is and why it matters. ' +
          'At most 500 characters; no Markdown.',
      },
    ]);
    expect(run.located).toEqual([{ path: [], key: false }]);
  });

  it('reports a misspelt field once, as the misspelling, and not again as a missing field', () => {
    const run = problemsFor({ title: VALID.title, sumary: VALID.summary, status: 'idea' });
    expect(run.problems).toHaveLength(1);
    expect(run.problems[0]).toMatchObject({
      rule: 'schema/unknown-field',
      field: 'sumary',
      message: '`sumary` is not a field of a roadmap item, and the required field `summary` is missing.',
      found: 'sumary',
      expected: expect.stringMatching(/^one of the fields: title, summary, translations, /),
      fix: 'did you mean `summary`?',
    });
    expect(run.located).toEqual([{ path: ['sumary'], key: true }]);
  });

  it('reports a misspelt optional field with a suggestion but no claim that anything is missing', () => {
    const problem = onlyProblem({ ...VALID, partner: ['brackwater'] });
    expect(problem.message).toBe('`partner` is not a field of a roadmap item.');
    expect(problem.fix).toBe('did you mean `partners`?');
  });

  it('says to remove a field that is like no field of the schema', () => {
    expect(onlyProblem({ ...VALID, colour: 'green' })).toMatchObject({
      rule: 'schema/unknown-field',
      field: 'colour',
      fix: 'remove it, or check the field names in CONTRIBUTING.md',
    });
  });

  it('names the list item that holds an unknown field, and lists that item’s fields', () => {
    const problem = onlyProblem({ ...VALID, links: [{ title: 'Blog', url: 'https://a.example/', tittle: 'x' }] });
    expect(problem).toMatchObject({
      rule: 'schema/unknown-field',
      field: 'links[0].tittle',
      message: '`tittle` is not a field in `links[0]`.',
      expected: 'one of the fields: title, url',
      fix: 'did you mean `title`?',
    });
  });

  it('says how much too long a title is', () => {
    expect(onlyProblem({ ...VALID, title: 'x'.repeat(160) })).toMatchObject({
      rule: 'schema/length',
      field: 'title',
      message: expect.stringMatching(/expected at most 150 characters \(this has 160\)\.$/),
      fix: 'shorten it by 10 characters',
    });
  });

  it('cuts a long value short in the message', () => {
    const problem = onlyProblem({ ...VALID, title: 'x'.repeat(160) });
    expect(problem.found).toBe(`"${'x'.repeat(77)}…"`);
  });

  it('says which repeated service to remove', () => {
    expect(onlyProblem({ ...VALID, services: [524, 530, 524] })).toMatchObject({
      rule: 'schema/format',
      field: 'services',
      message: '`services` is a list of 3 items; expected a list without repeats.',
      fix: 'remove the second 524',
    });
  });

  it('suggests https:// for a link address that starts www.', () => {
    expect(onlyProblem({ ...VALID, links: [{ title: 'Blog', url: 'www.example.gov.uk/blog' }] })).toMatchObject({
      rule: 'schema/format',
      field: 'links[0].url',
      fix: 'write https://www.example.gov.uk/blog',
    });
  });

  it('suggests https:// for a contact that is a bare web address', () => {
    expect(onlyProblem({ ...VALID, contact: 'www.example.gov.uk/contact' })).toMatchObject({
      rule: 'schema/format',
      field: 'contact',
      fix: 'write https://www.example.gov.uk/contact',
    });
  });

  it('suggests the lowercase form of an organisation id with capitals', () => {
    expect(onlyProblem({ ...VALID, partners: ['Brackwater'] })).toMatchObject({
      rule: 'schema/format',
      field: 'partners[0]',
      fix: 'write `brackwater`',
    });
  });

  it('asks the context for a suggestion when it has none of its own, and uses it', () => {
    const run = problemsFor(
      { ...VALID, reuses: ['bin-day-finder'] },
      { suggest: (path, found) => (path[0] === 'reuses' ? `did you mean \`components/ashdown-civic-tech/${String(found)}\`?` : undefined) },
    );
    expect(run.suggested).toEqual([{ path: ['reuses', 0], value: 'bin-day-finder' }]);
    expect(run.problems).toHaveLength(1);
    expect(run.problems[0]).toMatchObject({
      rule: 'schema/format',
      field: 'reuses[0]',
      fix: 'did you mean `components/ashdown-civic-tech/bin-day-finder`?',
    });
  });

  it('prefers its own suggestion to the context’s', () => {
    const run = problemsFor({ ...VALID, status: 'Beta' }, { suggest: () => 'something else' });
    expect(run.problems[0].fix).toBe('did you mean `beta`?');
    expect(run.suggested).toEqual([]);
  });

  it('reports every problem in a record at once, each placed at its own field', () => {
    const run = problemsFor({ title: '', summary: VALID.summary, status: 'Beta', start: 'April 2026', services: ['524'] });
    expect(run.problems.map((problem) => [problem.rule, problem.field])).toEqual([
      ['schema/length', 'title'],
      ['schema/enum', 'status'],
      ['schema/type', 'services[0]'],
      ['schema/format', 'start'],
    ]);
    expect(run.located.map((call) => call.path)).toEqual([['title'], ['status'], ['services', 0], ['start']]);
  });

  it('describes a value of the wrong kind in words: a list, a group of fields, an empty value', () => {
    expect(onlyProblem({ ...VALID, title: ['a', 'b'] }).message).toBe('`title` is a list of 2 items; expected text.');
    expect(onlyProblem({ ...VALID, title: { en: 'x' } }).message).toBe('`title` is a group of fields; expected text.');
    expect(onlyProblem({ ...VALID, title: null }).message).toBe('`title` is an empty value; expected text.');
  });
});

describe('schemaProblems on the organisation schema', () => {
  it('says to write true for a demonstration flag written yes', () => {
    const problem = onlyProblem(
      { name: 'Ashdown', type: 'county', demonstration: 'yes' },
      { schema: organisationSchema, singular: 'organisation' },
    );
    expect(problem).toMatchObject({
      rule: 'schema/type',
      field: 'demonstration',
      message: '`demonstration` is "yes"; expected true or false.',
      fix: 'write true',
    });
  });

  it('says to write false for a demonstration flag written no', () => {
    const problem = onlyProblem(
      { name: 'Ashdown', type: 'county', demonstration: 'No' },
      { schema: organisationSchema, singular: 'organisation' },
    );
    expect(problem.fix).toBe('write false');
  });
});
