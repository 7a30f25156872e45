/** Words for the hub's codes, as readers see them: metropolitan-district → Metropolitan district. */
// The words for organisation types and nations are the hub's: organisations in hub.config.yaml, read
// through src/lib/organisation-register.ts.

/** Text with its first letter capital: 'roadmap item' → 'Roadmap item'. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A code as words: 'did-not-work' → 'Did not work'. */
export function codeInWords(code: string): string {
  return sentenceCase(code.replace(/-/g, ' '));
}
