/**
 * Reads the synonym vocabulary (content/vocabularies/synonyms.yaml), which is optional: without it,
 * search and the overlap engine know no synonyms. A concept given twice, or a phrase made only of common
 * words (which would make nearly every record look alike), is an error, named at its line.
 */
import { synonymsFileSchema, type SynonymConcept } from '../../../schemas/vocabulary.ts';
import { readContentFile } from '../content-files/read-file.ts';
import { onlyCommonWords } from '../synonyms.ts';
import type { Problem } from './problem.ts';

export function readSynonyms(options: { absolute: string; file: string }): { synonyms: SynonymConcept[]; problems: Problem[] } {
  const read = readContentFile({ ...options, format: 'yaml', schema: synonymsFileSchema, singular: 'synonyms file' });
  const synonyms: SynonymConcept[] = [];
  const labels = new Set<string>();
  (read.data as { synonyms: SynonymConcept[] } | undefined)?.synonyms.forEach((concept, index) => {
    const key = concept.label.toLowerCase();
    if (labels.has(key)) {
      read.report({
        rule: 'vocabulary/duplicate',
        path: ['synonyms', index, 'label'],
        message: `the concept \`${concept.label}\` is defined twice.`,
        found: concept.label,
        fix: 'put all its phrases under one of them and remove the other',
      });
      return;
    }
    labels.add(key);
    let usable = true;
    [concept.label, ...concept.phrases].forEach((phrase, position) => {
      if (!onlyCommonWords(phrase)) return;
      usable = false;
      read.report({
        rule: 'vocabulary/phrase',
        path: position === 0 ? ['synonyms', index, 'label'] : ['synonyms', index, 'phrases', position - 1],
        message:
          `\`${phrase}\` is made only of common words or numbers, which nearly ` +
          'every record has, so it would make unrelated work look alike.',
        found: phrase,
        fix: 'use words that name the thing, e.g. "brown bin" rather than "the bin"',
      });
    });
    if (usable) synonyms.push(concept);
  });
  return { synonyms, problems: read.problems };
}
