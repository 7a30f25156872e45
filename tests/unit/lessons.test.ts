import { describe, expect, it } from 'vitest';
import { indexLessons, lessonsForRecord } from '../../src/lib/lessons.ts';

const lessons = [
  { id: 'lessons/a/old', organisation: 'a', data: { date: '2024-01-01', services: [530], related: ['roadmap/b/bins'] } },
  {
    id: 'lessons/c/new',
    organisation: 'c',
    data: { date: '2026-05-01', services: [530, 12], related: ['roadmap/b/bins', 'roadmap/b/bins'] },
  },
  { id: 'lessons/b/own', organisation: 'b', data: { date: '2026-06-01', services: [530] } },
  { id: 'lessons/d/undated', organisation: 'd', data: { services: [530] } },
];
const organisationOf = (id: string) => id.split('/')[1];

describe('lessons where they matter', () => {
  it('indexes lessons by the records they name and by service, newest first, each once', () => {
    const index = indexLessons(lessons);
    expect(index.byRecord.get('roadmap/b/bins')).toEqual(['lessons/c/new', 'lessons/a/old']);
    expect(index.byService.get(530)).toEqual(['lessons/b/own', 'lessons/c/new', 'lessons/a/old', 'lessons/d/undated']);
  });

  it('gives a record the lessons about it, then other bodies’ lessons on its services, without repeats or its own', () => {
    const index = indexLessons(lessons);
    expect(lessonsForRecord({ id: 'roadmap/b/bins', organisation: 'b', services: [530] }, index, organisationOf)).toEqual({
      about: ['lessons/c/new', 'lessons/a/old'],
      onItsServices: ['lessons/d/undated'],
    });
    expect(lessonsForRecord({ id: 'roadmap/e/x', organisation: 'e', services: [530] }, index, organisationOf, 2)).toEqual({
      about: [],
      onItsServices: ['lessons/b/own', 'lessons/c/new'],
    });
    expect(lessonsForRecord({ id: 'roadmap/e/x', organisation: 'e' }, index, organisationOf)).toEqual({ about: [], onItsServices: [] });
  });
});
