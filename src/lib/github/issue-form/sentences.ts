/**
 * The small English helpers the issue forms' words are made with. Separate because the field
 * descriptions, the form file and the reader's messages all use them.
 */

export const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
export const sentence = (text: string) => (text === '' || /[.!?:]$/.test(text) ? text : `${text}.`);
