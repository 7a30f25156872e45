/**
 * The UI text of the hub's pages, one file a language (translations/<code>.yaml), as Astro Starlight keeps
 * its translations/: what the header, footer and banners of every page say, so that a hub in another
 * language changes files, not code. Keys are flat and dotted, as Starlight's are. {name} stands for the
 * hub's name, {licence} for its default licence. Every key is optional in a file: what a file leaves out
 * comes from the English file that comes with the hub (translations/en-GB.yaml), which has them all.
 */
import { z } from 'zod';
import { singleLine } from './fields.ts';

const text = (description: string, example: string) =>
  singleLine(400)
    .optional()
    .meta({ description, examples: [example] });

export const uiTextSchema = z
  .strictObject({
    'skipLink.label': text('The link that skips to the main content, the first thing on every page.', 'Skip to main content'),
    'header.sectionsLabel': text('What screen readers call the navigation of the hub’s sections.', 'Sections'),
    'header.organisations': text('The navigation link to the organisations.', 'Organisations'),
    'header.collaborate': text('The navigation link to the collaboration page.', 'Collaborate'),
    'header.search': text('The navigation link to search.', 'Search'),
    'footer.heading': text('The heading (for screen readers) of the footer’s links.', 'Support links'),
    'footer.about': text('The footer link to the about page. {name} is the hub’s name.', 'About {name}'),
    'footer.contribute': text('The footer link to the page on sharing work.', 'Share your work'),
    'footer.numbers': text('The footer link to the hub’s numbers.', 'The hub in numbers'),
    'footer.feeds': text('The footer link to the feeds.', 'Follow with feeds'),
    'footer.licence': text(
      'The licence statement at the foot of every page. {licence} becomes the default licence’s name, linked.',
      'Everything on {name} is open: records are published under the {licence} unless a record says otherwise.',
    ),
    'breadcrumbs.label': text('What screen readers call the trail above a page’s content.', 'Breadcrumb'),
    'breadcrumbs.home': text('The first link of the trail, to the home page.', 'Home'),
    'pagination.label': text('What screen readers call the links to a list’s other pages.', 'Pagination'),
    'pagination.previous': text('The link to a list’s previous page (screen readers hear pagination.page after it).', 'Previous'),
    'pagination.next': text('The link to a list’s next page (screen readers hear pagination.page after it).', 'Next'),
    'pagination.page': text('What screen readers hear after Previous and Next.', 'page'),
    'pageMeta.lastUpdated': text('Before the date a record or organisation page last changed.', 'Last updated'),
    'pageMeta.edit': text('The link to change a record in the hub’s form.', 'Edit this page'),
    'pageMeta.editOnGitHub': text('The link to change a record in GitHub’s editor, after the form’s.', 'Edit on GitHub'),
    'pageMeta.editPageOnGitHub': text('The link to change an organisation’s page in GitHub’s editor.', 'Edit this page on GitHub'),
    'pageMeta.report': text('The link to report a problem with a page.', 'Report a problem with this page'),
    'demonstration.title': text('The title of the banner on a fictional organisation’s pages.', 'Demonstration'),
    'demonstration.recordHeading': text('The banner’s heading on a fictional record.', 'Demonstration record.'),
    'demonstration.record': text(
      'The banner’s text on a fictional record.',
      'This was written by a fictional organisation to show how {name} works. It describes no real council’s work.',
    ),
    'demonstration.organisationHeading': text('The banner’s heading on a fictional organisation.', 'Demonstration organisation.'),
    'demonstration.organisation': text(
      'The banner’s text on a fictional organisation.',
      'This is a fictional organisation. Its records show how {name} works and describe no real council’s work.',
    ),
  })
  .meta({
    title: 'UI text',
    description:
      'What the pages of the hub say in one language: translations/<code>.yaml, where <code> is a language of hub.config.yaml. ' +
      'Leave out a key to keep the English.',
  });

/** One language's file, as written: any key may be left out. */
export type UiTextFile = z.infer<typeof uiTextSchema>;
/** The UI text a hub uses: every key, the English filling what its language's file leaves out. */
export type UiText = Required<UiTextFile>;
export type UiTextKey = keyof UiText;
