import { describe, expect, it } from 'vitest';
import { workWithUsLink } from '../../src/lib/work-with-us.ts';

const record = { title: 'Garden waste & “brown bin” renewals', url: 'https://hub.example/roadmap/ashdown/garden-waste/' };
const real = { name: 'Ashdown', demonstration: false };
const REPOSITORY = 'council-commons/council-commons';

/** The title and body a GitHub new-issue address prefills, decoded as GitHub decodes them. */
function issueOf(href: string) {
  const url = new URL(href);
  expect(`${url.origin}${url.pathname}`).toBe(`https://github.com/${REPOSITORY}/issues/new`);
  return { title: url.searchParams.get('title')!, body: url.searchParams.get('body')!, labels: url.searchParams.get('labels') };
}

describe('workWithUsLink', () => {
  it('opens an issue that mentions the body’s maintainers, names the record and asks who, what and how to reach', () => {
    const link = workWithUsLink(
      record,
      { ...real, maintainers: ['@ashdown-council/digital', 'jo-bloggs'], contact: 'digital@ashdown.example' },
      REPOSITORY,
    );
    expect(link.via).toBe('github-issue');
    expect(link.mentions).toEqual(['@ashdown-council/digital', '@jo-bloggs']);
    const issue = issueOf(link.href);
    expect(issue.title).toBe('Working together on “Garden waste & “brown bin” renewals” (Ashdown)');
    expect(issue.body.split('\n')[0]).toBe('@ashdown-council/digital @jo-bloggs: you look after Ashdown’s records on the hub.');
    expect(issue.body).toContain(`We would like to work with Ashdown on “${record.title}”: ${record.url}`);
    expect(issue.body).toMatch(/Who we are: .*\nWhat we are doing: .*\nHow to reach us: /);
    expect(issue.labels).toBe('collaboration');
  });

  it('without maintainers, writes to the record’s contact before the body’s, with spaces a mail program reads as spaces', () => {
    const link = workWithUsLink(
      { ...record, contact: 'waste@ashdown.example' },
      { ...real, contact: 'digital@ashdown.example' },
      REPOSITORY,
    );
    expect(link).toMatchObject({ via: 'email', address: 'waste@ashdown.example', mentions: [] });
    expect(link.href.startsWith('mailto:waste@ashdown.example?subject=Working%20together%20on%20')).toBe(true);
    expect(link.href).not.toContain('+');
    const body = decodeURIComponent(new URL(link.href).search.split('&body=')[1]);
    expect(body).toContain(`We would like to work with Ashdown on “${record.title}”: ${record.url}`);
    expect(workWithUsLink(record, { ...real, contact: 'mailto:digital@ashdown.example' }, REPOSITORY)).toMatchObject({
      via: 'email',
      address: 'digital@ashdown.example',
    });
  });

  it('links a contact that is a web page as it is', () => {
    expect(workWithUsLink(record, { ...real, contact: 'https://www.ashdown.example/contact-digital' }, REPOSITORY)).toEqual({
      href: 'https://www.ashdown.example/contact-digital',
      via: 'contact-page',
      mentions: [],
    });
  });

  it('with nobody to ask, opens an issue for the hub’s maintainers that mentions nobody', () => {
    const link = workWithUsLink(record, real, REPOSITORY);
    expect(link).toMatchObject({ via: 'github-issue', mentions: [] });
    expect(issueOf(link.href).body.split('\n')[0]).toBe(
      'Ashdown has not named anyone on the hub yet: could the hub’s maintainers pass this on?',
    );
  });

  it('never mentions a demonstration body’s made-up maintainers, nor writes to its made-up address', () => {
    const link = workWithUsLink(
      { ...record, contact: 'waste@ashdown.example' },
      { ...real, demonstration: true, maintainers: ['@ashdown-council/digital'] },
      REPOSITORY,
    );
    expect(link).toMatchObject({ via: 'github-issue', mentions: [] });
    const issue = issueOf(link.href);
    expect(issue.body).not.toContain('@ashdown-council');
    expect(issue.body.split('\n')[0]).toContain('fictional demonstration body');
  });
});
