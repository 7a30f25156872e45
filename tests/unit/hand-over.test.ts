/**
 * npm run build starts Astro while it validates the content, then hands the validated content over in a
 * file (src/astro-loader/content-source.ts). Astro must wait for that file, read it only whole, and say
 * what to do when it never comes.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handOverContent, readHandedOverContent } from '../../src/astro-loader/content-source.ts';
import type { HubContent } from '../../src/lib/content-files/types.ts';
import type { ReferenceData } from '../../src/lib/reference-data.ts';

const folder = mkdtempSync(join(tmpdir(), 'hand-over-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const content = { organisations: [], records: [], themes: [], synonyms: [] } as unknown as HubContent;
const reference = {
  services: new Map([[1, { id: 1, label: 'Bins' }]]),
  licences: new Map([['OGL-UK-3.0', { id: 'OGL-UK-3.0', name: 'Open Government Licence v3.0' }]]),
} as unknown as ReferenceData;

describe('handing the validated content over to Astro', () => {
  it('waits for the file npm run build writes later, and reads what it wrote', async () => {
    const file = join(folder, 'later.json');
    const reading = readHandedOverContent(file, 5_000);
    await new Promise((resolveWait) => setTimeout(resolveWait, 300));
    expect(existsSync(file)).toBe(false);
    handOverContent(file, content, ['<p>Body</p>'], reference);
    const handedOver = await reading;
    expect(handedOver.bodies).toEqual(['<p>Body</p>']);
    expect(handedOver.services).toEqual([{ id: 1, label: 'Bins' }]);
    expect(handedOver.licences.map((licence) => licence.id)).toEqual(['OGL-UK-3.0']);
  });

  it('leaves no half-written file under the name Astro waits for', () => {
    const file = join(folder, 'whole.json');
    handOverContent(file, content, [], reference);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('says what to do when the file never comes', async () => {
    await expect(readHandedOverContent(join(folder, 'never.json'), 200)).rejects.toThrow(
      /did not appear within 0.2 s\. Build with npm run build/,
    );
  });
});
