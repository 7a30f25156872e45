/**
 * Where the hub's source lives, for "edit this page" and "report a problem" links: the repository and
 * branch of the hub's configuration (src/lib/hub-config.ts, where GITHUB_REPOSITORY and HUB_REPOSITORY
 * override it for a build).
 */
import type { HubConfig } from '../../schemas/hub-config.ts';

export interface SiteConfig {
  /** owner/name on GitHub. */
  repository: string;
  /** The branch edits are proposed against. */
  branch: string;
}

export function siteConfig(config: Pick<HubConfig, 'repository'>): SiteConfig {
  return { repository: config.repository.github, branch: config.repository.branch };
}

/** A GitHub user's page, or a team's (`@org/team`), for maintainers written as in organisation files. */
export function githubHandleUrl(handle: string): string {
  const [owner, team] = handle.replace(/^@/, '').split('/');
  return team ? `https://github.com/orgs/${owner}/teams/${team}` : `https://github.com/${owner}`;
}

/** GitHub's editor for a file: it forks for people without write access and opens a pull request. */
export function editUrl(config: SiteConfig, file: string): string {
  return `https://github.com/${config.repository}/edit/${config.branch}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** A file of the repository as GitHub shows it, on the configured branch: the content model's changelog, say. */
export function repositoryFileUrl(config: SiteConfig, file: string): string {
  return `https://github.com/${config.repository}/blob/${config.branch}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** A new issue about a page, with its title, address and file filled in. */
export function reportProblemUrl(config: SiteConfig, page: { title: string; url: string; file?: string }): string {
  const body = [`Page: ${page.url}`, page.file ? `File: ${page.file}` : '', '', 'What is wrong, and what should it say?', '']
    .filter((line, index) => line !== '' || index > 1)
    .join('\n');
  const query = new URLSearchParams({ title: `Problem with “${page.title}”`, body, labels: 'content' });
  return `https://github.com/${config.repository}/issues/new?${query.toString()}`;
}
