/**
 * The issue form's file, .github/ISSUE_TEMPLATE/<collection>.yml: the words at its top and the form in
 * GitHub's issue form schema, as YAML. Separate because only `node scripts/issue-forms.ts` writes it;
 * the web form and the reader never need it.
 */
import { namingServiceList } from '../../services.ts';
import { Document } from 'yaml';
import { recordCollection } from '../../../../schemas/collections.ts';
import { fieldMeta } from '../../schema-meta.ts';
import type { HubConfig } from '../../../../schemas/hub-config.ts';
import { CONTENT_MODEL_CHANGELOG, CONTENT_MODEL_VERSION } from '../../../../schemas/version.ts';
import { article } from './sentences.ts';
import { REMOVE_ANSWER, type IssueFormDefinition } from './shape.ts';

/** What the top of a form says, its name and description, and the title it gives the issue. */
/** What of the hub's configuration the forms say: its name, and where its CONTRIBUTING.md is. */
export type FormHub = Pick<HubConfig, 'name' | 'repository' | 'services'>;

function formWords(definition: IssueFormDefinition, hub: FormHub): { intro: string; name: string; description: string; title: string } {
  const singular = definition.singular;
  const { github, branch } = hub.repository;
  const guide =
    `Everything you write here is public. ` +
    `The fields are explained in [CONTRIBUTING.md](https://github.com/${github}/blob/${branch}/CONTRIBUTING.md). ` +
    // The forms are generated from the schemas, so they follow the version the schemas are at (schemas/version.ts).
    `This form follows version ${CONTENT_MODEL_VERSION} of the hub’s content model ` +
    `([what changed](https://github.com/${github}/blob/${branch}/${CONTENT_MODEL_CHANGELOG})).`;
  if (definition.kind === 'organisation') {
    return {
      intro: [
        `Change your organisation’s details on ${hub.name} without using Git: ` +
          'its summary, website, GitHub, open data, maintainers, contact, the components it uses and its systems. ' +
          'Its name, type and codes come from the local-authority register and are not changed here.',
        `Answer only what should change: an answer left empty keeps what the hub has now, and ${REMOVE_ANSWER} takes a field off. ` +
          `A list you write replaces the whole list. When you send this form, a check reads your answers within a few minutes. ` +
          `If something needs changing, it says what in a comment, and you edit this issue to fix it; ` +
          `when everything is right, it opens a pull request for the hub’s maintainers to review.`,
        `The form on the hub, at /contribute/organisation/, fills this in for you with your organisation’s details as they are now. ` +
          guide,
      ].join('\n\n'),
      name: 'Change an organisation’s details',
      description:
        'A body’s own details on the hub: summary, website, GitHub, open data, maintainers, contact, components used and systems. ' +
        'Fill in a form; a pull request is made for you.',
      title: 'Organisation details: ',
    };
  }
  const collection = recordCollection(definition.collection)!;
  return {
    intro: [
      `Share ${article(singular)} ${singular} on ${hub.name} without using Git. ` +
        `When you send this form, a check reads your answers within a few minutes. ` +
        `If something needs changing, it says what in a comment, and you edit this issue to fix it; when everything is right, ` +
        `it opens a pull request for the hub’s maintainers to review, and the ${singular} appears on the hub once they merge it.`,
      guide,
    ].join('\n\n'),
    name: `Share ${article(singular)} ${singular}`,
    description: (
      `${(fieldMeta(collection.schema).description ?? '').replace(/\s*File: .*$/, '')} ` + 'Fill in a form; a pull request is made for you.'
    ).trim(),
    title: `New ${singular}: `,
  };
}

/** The issue form as GitHub's form schema: name, description, title, labels and body. */
export function issueForm(definition: IssueFormDefinition, hub: FormHub): Record<string, unknown> {
  const { intro, name, description, title } = formWords(definition, hub);
  const body: Record<string, unknown>[] = [{ type: 'markdown', attributes: { value: intro } }];
  for (const field of definition.fields) {
    const attributes: Record<string, unknown> = { label: field.label, description: namingServiceList(field.description, hub.services) };
    if (field.type === 'dropdown') {
      if (field.kind === 'choices') attributes.multiple = true;
      attributes.options = [...(field.options ?? [])];
    } else if (field.type === 'checkboxes') {
      attributes.options = (field.options ?? []).map((label) => ({ label, required: true }));
    } else if (field.placeholder) {
      attributes.placeholder = field.placeholder;
    }
    body.push({
      type: field.type,
      id: field.id,
      attributes,
      ...(field.required && field.type !== 'checkboxes' ? { validations: { required: true } } : {}),
    });
  }
  return { name, description, title, labels: definition.labels, body };
}

/** The text of .github/ISSUE_TEMPLATE/<collection>.yml. */
export function issueFormYaml(definition: IssueFormDefinition, hub: FormHub): string {
  const organisation = definition.kind === 'organisation';
  const header = [
    organisation
      ? '# The issue form for changing an organisation’s details without Git.'
      : `# The issue form for sharing ${article(definition.singular)} ${definition.singular} without Git.`,
    '#',
    '# GENERATED by `node scripts/issue-forms.ts` from the zod schemas in schemas/: do not edit it by hand. Field',
    `# ids are the schema’s field names, ` +
      `so the web form (${organisation ? '/contribute/organisation/<id>/' : '/contribute/new/<collection>/'}) can fill them in, and`,
    '# the issue-to-pr workflow reads the answers back by these labels (src/lib/github/issue-form.ts).',
    `# Content model version ${CONTENT_MODEL_VERSION} (schemas/version.ts; ${CONTENT_MODEL_CHANGELOG}).`,
  ].join('\n');
  const document = new Document(issueForm(definition, hub), { version: '1.2' });
  return `${header}\n${document.toString({ lineWidth: 110, minContentWidth: 40 })}`;
}
