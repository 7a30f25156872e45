import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { organisationIssueUrl } from '../../src/lib/contribute/github.ts';
import { updateOrganisationFile } from '../../src/lib/contribute/organisation-file.ts';
import { CONFIRM_OPTION, issueFormDefinition } from '../../src/lib/github/issue-form.ts';
import { loadIssueHub, planOrganisationChange } from '../../src/lib/github/issue-to-pr.ts';
import {
  askedComponent,
  chooserHref,
  componentOwner,
  declarationMessage,
  declareUse,
  demonstrationBodiesFor,
  organisationFormHref,
  withUse,
} from '../../src/lib/we-use-this.ts';
import { ROOT } from '../helpers/content.ts';

const BASE = '/council-commons/';
const COMPONENT = 'components/sallowfield/bin-day-finder';
const OTHERS = ['components/kestrelford/address-finder', 'components/fenmoor/light-touch-service-assessment'];
const real = { name: 'Ashdown', demonstration: false, uses: OTHERS };
const fictional = { name: 'Glanmor', demonstration: true, uses: OTHERS };

describe('addresses', () => {
  it('the A to Z and a body’s form carry the component in ?uses=, read back as it was', () => {
    const chooser = chooserHref(BASE, COMPONENT);
    expect(chooser).toBe('/council-commons/contribute/organisation/?uses=components%2Fsallowfield%2Fbin-day-finder');
    const form = organisationFormHref(BASE, 'ashdown', COMPONENT);
    expect(form).toBe('/council-commons/contribute/organisation/ashdown/?uses=components%2Fsallowfield%2Fbin-day-finder');
    expect(askedComponent(new URL(form, 'https://hub.example').search)).toBe(COMPONENT);
    expect(withUse('/x/?id=ashdown', COMPONENT)).toBe('/x/?id=ashdown&uses=components%2Fsallowfield%2Fbin-day-finder');
  });

  it('reads only a component id from the query, and its organisation', () => {
    expect(componentOwner(COMPONENT)).toBe('sallowfield');
    const notComponents = ['roadmap/sallowfield/bin-day-finder', 'components/sallowfield', 'components/Sallowfield/x', 'components/a/b/c'];
    for (const text of [...notComponents, 'components//x', 'Call 0800 000 000']) {
      expect(componentOwner(text), text).toBeUndefined();
      expect(askedComponent(`?uses=${encodeURIComponent(text)}`), text).toBeUndefined();
    }
    expect(askedComponent('?id=ashdown')).toBeUndefined();
  });
});

describe('declareUse', () => {
  it('adds the component after the body’s others, keeping every one of them', () => {
    const declaration = declareUse(real, { id: COMPONENT, exists: true, demonstration: false });
    expect(declaration).toEqual({ outcome: 'added', component: COMPONENT, uses: [...OTHERS, COMPONENT] });
    expect(declareUse({ ...real, uses: [] }, { id: COMPONENT, exists: true, demonstration: false }).uses).toEqual([COMPONENT]);
    expect(declarationMessage(declaration, 'Ashdown', 'Components used')).toBe(
      `${COMPONENT} is added to “Components used”, after the components Ashdown already uses. Check your changes, then send them.`,
    );
  });

  it('adds nothing when the body says it uses it already', () => {
    const declaration = declareUse({ ...real, uses: [...OTHERS, COMPONENT] }, { id: COMPONENT, exists: true, demonstration: false });
    expect(declaration).toEqual({ outcome: 'already', component: COMPONENT, uses: [...OTHERS, COMPONENT] });
    expect(declarationMessage(declaration, 'Ashdown', 'Components used')).toMatch(/^Ashdown already says it uses /);
  });

  it('never has a real body use a fictional component, nor a fictional body a real one', () => {
    const onReal = declareUse(real, { id: COMPONENT, exists: true, demonstration: true });
    expect(onReal).toEqual({ outcome: 'fictional-component', component: COMPONENT, uses: OTHERS });
    expect(declarationMessage(onReal, 'Ashdown', 'Components used')).toContain('Ashdown, a real organisation, cannot say it uses it');
    const onFictional = declareUse(fictional, { id: COMPONENT, exists: true, demonstration: false });
    expect(onFictional).toEqual({ outcome: 'fictional-organisation', component: COMPONENT, uses: OTHERS });
    const both = declareUse(fictional, { id: COMPONENT, exists: true, demonstration: true });
    expect(both).toMatchObject({ outcome: 'added', uses: [...OTHERS, COMPONENT] });
  });

  it('adds nothing the hub does not have, and never repeats what is not a component id', () => {
    expect(declareUse(real, { id: COMPONENT, exists: false, demonstration: false })).toMatchObject({ outcome: 'unknown', uses: OTHERS });
    const noOwner = declareUse(real, { id: COMPONENT, exists: false, demonstration: undefined });
    expect(noOwner).toMatchObject({ outcome: 'unknown', uses: OTHERS });
    const nothing = declareUse(real, undefined);
    expect(nothing).toEqual({ outcome: 'not-a-component', uses: OTHERS });
    expect(declarationMessage(nothing, 'Ashdown', 'Components used')).toBe(
      'The address of this page asks to add something that is not a component id, so nothing was added to “Components used”.',
    );
  });
});

describe('demonstrationBodiesFor', () => {
  it('offers a fictional component to the demonstration bodies that do not use it yet, A to Z, and never to a real body', () => {
    const body = (id: string, name: string, demonstration: boolean, uses?: string[]) => ({
      id,
      demonstration,
      data: { name, ...(uses ? { uses } : {}) },
    });
    const bodies = [
      body('tarnbeck-civic-tech', 'Tarnbeck Civic Tech', true),
      body('sallowfield', 'Sallowfield', true, [COMPONENT]),
      body('ashdown', 'Ashdown', false),
      body('glanmor', 'Glanmor', true, OTHERS),
    ];
    expect(demonstrationBodiesFor(bodies, COMPONENT).map((found) => found.id)).toEqual(['glanmor', 'tarnbeck-civic-tech']);
  });
});

describe('the change sent as an issue', () => {
  it('keeps the body’s other components when issue-to-pr applies it, though it replaces the list the issue gives', () => {
    // issue-to-pr replaces `uses` with the issue's answer, so the form sends the whole list: old and new.
    const contentDir = join(ROOT, 'content');
    const text = readFileSync(join(contentDir, 'organisations/glanmor.yaml'), 'utf8');
    const before = (parse(text) as { uses: string[] }).uses;
    const component = 'components/fenmoor/family-services-directory-api';
    expect(before).not.toContain(component);
    const glanmor = { id: 'glanmor', name: 'Glanmor' };
    const declaration = declareUse({ ...glanmor, demonstration: true, uses: before }, { id: component, exists: true, demonstration: true });
    const updated = updateOrganisationFile(text, { set: { uses: declaration.uses } });
    expect(updated.changed).toEqual(['uses']);
    const config = { repository: 'council-commons/council-commons', branch: 'main' };
    const url = new URL(organisationIssueUrl(config, glanmor, updated.changed, updated.data));

    // The issue as GitHub writes it from the form's fields filled in from the address.
    const definition = issueFormDefinition('organisations')!;
    const answer = (answers: URLSearchParams, field: (typeof definition.fields)[number]) =>
      field.kind === 'confirm' ? `- [X] ${CONFIRM_OPTION}` : (answers.get(field.id) ?? '_No response_');
    const issue = (answers: URLSearchParams) =>
      definition.fields.map((field) => `### ${field.label}\n\n${answer(answers, field)}`).join('\n\n');
    const hub = loadIssueHub(contentDir);
    const plan = planOrganisationChange(issue(url.searchParams), definition, contentDir, hub);
    expect(plan.problems).toEqual([]);
    expect(plan.changed).toEqual(['uses']);
    expect((parse(plan.file!.text) as { uses: string[] }).uses).toEqual([...before, component]);

    // Why the form sends the whole list: an issue naming only the new component leaves only that one.
    const onlyNew = issue(new URLSearchParams({ organisation: 'glanmor', uses: component }));
    const alone = planOrganisationChange(onlyNew, definition, contentDir, hub);
    expect((parse(alone.file!.text) as { uses: string[] }).uses).toEqual([component]);
  });
});
