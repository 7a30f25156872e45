/**
 * Where the hub's source lives, for "edit this page" and "report a problem" links. GitHub Actions sets
 * GITHUB_REPOSITORY, so a deployed hub links to its own repository; HUB_REPOSITORY overrides it (e.g.
 * for a fork built elsewhere). The default is the hub's own repository name on GitHub.
 */
export interface SiteConfig {
  /** owner/name on GitHub. */
  repository: string;
  /** The branch edits are proposed against. */
  branch: string;
}

export const DEFAULT_REPOSITORY = 'council-commons/council-commons';

export function siteConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const repository = env.HUB_REPOSITORY || env.GITHUB_REPOSITORY || DEFAULT_REPOSITORY;
  return { repository, branch: env.HUB_BRANCH || 'main' };
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

/** A new issue about a page, with its title, address and file filled in. */
export function reportProblemUrl(config: SiteConfig, page: { title: string; url: string; file?: string }): string {
  const body = [`Page: ${page.url}`, page.file ? `File: ${page.file}` : '', '', 'What is wrong, and what should it say?', '']
    .filter((line, index) => line !== '' || index > 1)
    .join('\n');
  const query = new URLSearchParams({ title: `Problem with “${page.title}”`, body, labels: 'content' });
  return `https://github.com/${config.repository}/issues/new?${query.toString()}`;
}
