/** For the harvest pull-request tests: what GitHub would interpret in a Markdown text. */

/**
 * Markdown with its code spans taken out, as CommonMark finds them: a backslash-escaped backtick opens
 * nothing, and a span closes at the next run of backticks of the same length. What is left is what
 * GitHub interprets.
 */
export function outsideCode(markdown: string): string {
  let out = '';
  let index = 0;
  while (index < markdown.length) {
    const char = markdown[index]!;
    if (char === '\\') {
      out += markdown.slice(index, index + 2);
      index += 2;
      continue;
    }
    if (char !== '`') {
      out += char;
      index++;
      continue;
    }
    const opener = /^`+/.exec(markdown.slice(index))![0];
    const runs = /`+/g;
    runs.lastIndex = index + opener.length;
    let closer: RegExpExecArray | null;
    while ((closer = runs.exec(markdown)) && closer[0].length !== opener.length);
    if (closer) index = closer.index + closer[0].length;
    else {
      out += opener;
      index += opener.length;
    }
  }
  return out;
}
