/**
 * How well search ranks: a set of queries in residents' and officers' words, each with the records it
 * should find (tests/search/relevance-queries.yaml), searched in Chromium with Pagefind's own ranking
 * (search-in-browser.ts), scored by precision in the first five results.
 *
 * Precision at 5 here is the share of the first five results that are ones the query should find, out of
 * as many as could be there: a query with two right records scores 1 when both are in the first five.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { openBrowserSearch } from './search-in-browser.ts';

const recordId = z.string().regex(/^[a-z]+\/[a-z0-9-]+\/[a-z0-9-]+$/, { error: 'a record id: <collection>/<organisation>/<slug>' });

export const relevanceQuerySchema = z.strictObject({
  query: z.string().min(1).meta({ description: 'What someone types into the search box.' }),
  voice: z.enum(['resident', 'officer']).meta({ description: 'Whose words these are.' }),
  find: z.array(recordId).min(1).meta({ description: 'The records the search should find, judged by reading them.' }),
});

export const relevanceQueriesFileSchema = z.strictObject({ queries: z.array(relevanceQuerySchema).min(1) });

export type RelevanceQuery = z.infer<typeof relevanceQuerySchema>;

export interface QueryOutcome extends RelevanceQuery {
  /** The ids of the first five results. */
  firstFive: string[];
  /** How many results there were in all. */
  total: number;
  precision: number;
}

export interface RelevanceReport {
  outcomes: QueryOutcome[];
  /** The mean precision at 5 over all queries, and by voice. */
  precision: number;
  byVoice: Record<RelevanceQuery['voice'], number>;
}

export const FIRST = 5;

export function readRelevanceQueries(file: string): RelevanceQuery[] {
  return relevanceQueriesFileSchema.parse(parseYaml(readFileSync(file, 'utf8'))).queries;
}

/** Precision in the first `k` results, out of as many right records as could be there. */
export function precisionAt(results: readonly string[], wanted: readonly string[], k = FIRST): number {
  const right = new Set(wanted);
  const hits = results.slice(0, k).filter((id) => right.has(id)).length;
  return hits / Math.min(k, right.size);
}

/** A result's address as a record id: /council-commons/roadmap/a/b/ → roadmap/a/b. */
export function resultId(url: string, base = '/'): string {
  const path = url.startsWith(base) ? url.slice(base.length) : url;
  return path.replace(/^\/+|\/+$/g, '');
}

const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);

export function summarise(outcomes: QueryOutcome[]): RelevanceReport {
  return {
    outcomes,
    precision: mean(outcomes.map((outcome) => outcome.precision)),
    byVoice: {
      resident: mean(outcomes.filter((outcome) => outcome.voice === 'resident').map((outcome) => outcome.precision)),
      officer: mean(outcomes.filter((outcome) => outcome.voice === 'officer').map((outcome) => outcome.precision)),
    },
  };
}

/** Searches a built site (a folder holding pagefind/) for every query. */
export async function measureRelevance(options: {
  site: string;
  base?: string;
  queries: readonly RelevanceQuery[];
}): Promise<RelevanceReport> {
  const search = await openBrowserSearch({ site: options.site, base: options.base });
  try {
    const outcomes: QueryOutcome[] = [];
    for (const query of options.queries) {
      const found = await search.search(query.query, FIRST);
      const firstFive = found.results.map((result) => resultId(result.url, options.base));
      outcomes.push({ ...query, firstFive, total: found.total, precision: precisionAt(firstFive, query.find) });
    }
    return summarise(outcomes);
  } finally {
    await search.close();
  }
}
