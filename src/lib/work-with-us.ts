/**
 * "Work with <organisation> on this", on every roadmap item's page: one link that starts the
 * conversation with the people behind the work, prefilled so that nobody has to work out what to say.
 *
 * - A body with maintainers (GitHub users or teams in its organisation file): a new issue on the hub's
 *   repository, naming the record and mentioning them, so GitHub tells them.
 * - Without maintainers: an email to the record's contact, or the body's, with the same words; a contact
 *   that is a web page (a contact form) is linked as it is.
 * - With neither, or for a fictional demonstration body: a new issue that mentions nobody, for the
 *   hub's maintainers to pass on. Demonstration bodies' maintainers are made-up GitHub names that may
 *   belong to real people, so they are never mentioned.
 */
import { contactEmail } from './record-fields.ts';

export interface WorkWithUsRecord {
  title: string;
  /** The record's public address. */
  url: string;
  contact?: string;
}

export interface WorkWithUsOrganisation {
  name: string;
  maintainers?: readonly string[];
  contact?: string;
  demonstration: boolean;
}

export interface WorkWithUsLink {
  href: string;
  /** Where the link leads: a new GitHub issue, an email, or the body's own contact page. */
  via: 'github-issue' | 'email' | 'contact-page';
  /** Who GitHub will notify (handles with their @), when via is github-issue. */
  mentions: string[];
  /** The email address, when via is email. */
  address?: string;
}

/** What the person asking is prompted to say: who they are, what they are doing, how to reach them. */
const QUESTIONS = [
  'Who we are: (your organisation, and your role)',
  'What we are doing: (your own work on this, with a link if there is one)',
  'How to reach us: (an email address or a GitHub name)',
];

function message(record: WorkWithUsRecord, organisation: WorkWithUsOrganisation, greeting: string): string {
  return [greeting, '', `We would like to work with ${organisation.name} on “${record.title}”: ${record.url}`, '', ...QUESTIONS, ''].join(
    '\n',
  );
}

const mention = (handle: string) => (handle.startsWith('@') ? handle : `@${handle}`);

export function workWithUsLink(record: WorkWithUsRecord, organisation: WorkWithUsOrganisation, repository: string): WorkWithUsLink {
  const title = `Working together on “${record.title}” (${organisation.name})`;
  const issue = (mentions: string[], greeting: string): WorkWithUsLink => {
    const query = new URLSearchParams({ title, body: message(record, organisation, greeting), labels: 'collaboration' });
    return { href: `https://github.com/${repository}/issues/new?${query.toString()}`, via: 'github-issue', mentions };
  };
  if (organisation.demonstration) {
    return issue([], `${organisation.name} is a fictional demonstration body, so this issue reaches the hub’s maintainers, not a council.`);
  }
  const maintainers = (organisation.maintainers ?? []).map(mention);
  if (maintainers.length > 0)
    return issue(maintainers, `${maintainers.join(' ')}: you look after ${organisation.name}’s records on the hub.`);
  const contact = record.contact ?? organisation.contact;
  if (contact) {
    const address = contactEmail(contact);
    if (!address) return { href: contact, via: 'contact-page', mentions: [] };
    // encodeURIComponent, not URLSearchParams: mail programs read + as a plus sign, not a space.
    const query = `subject=${encodeURIComponent(title)}&body=${encodeURIComponent(message(record, organisation, 'Hello,'))}`;
    return { href: `mailto:${address}?${query}`, via: 'email', mentions: [], address };
  }
  return issue([], `${organisation.name} has not named anyone on the hub yet: could the hub’s maintainers pass this on?`);
}
