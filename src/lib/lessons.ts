/**
 * Lessons where they matter: the lessons that say they are about a record (`related`), and, for work on
 * a service, what other bodies learned on the same service. Roadmap, component, dataset and service
 * pages show them, so the lesson is found by the person about to repeat the work.
 */

export interface LessonInput {
  id: string;
  organisation: string;
  data: { related?: readonly string[] | undefined; services?: readonly number[] | undefined; date?: string | undefined };
}

export interface LessonIndex {
  /** For each record id, the lessons that name it in `related`, newest first. */
  byRecord: Map<string, string[]>;
  /** For each LGSL service id, the lessons about it, newest first. */
  byService: Map<number, string[]>;
}

/** Newest first; undated lessons after dated ones; then by id, so the order never depends on input order. */
function newestFirst(lessons: readonly LessonInput[]): LessonInput[] {
  return [...lessons].sort((a, b) => {
    const dateA = a.data.date ?? '';
    const dateB = b.data.date ?? '';
    if (dateA !== dateB) return dateA < dateB ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

export function indexLessons(lessons: readonly LessonInput[]): LessonIndex {
  const byRecord = new Map<string, string[]>();
  const byService = new Map<number, string[]>();
  for (const lesson of newestFirst(lessons)) {
    for (const target of new Set(lesson.data.related ?? [])) {
      if (target !== lesson.id) byRecord.set(target, [...(byRecord.get(target) ?? []), lesson.id]);
    }
    for (const service of new Set(lesson.data.services ?? [])) byService.set(service, [...(byService.get(service) ?? []), lesson.id]);
  }
  return { byRecord, byService };
}

export interface LessonsForRecord {
  /** Lessons that name the record. */
  about: string[];
  /** Other organisations' lessons on the record's services, not already in `about`, at most `limit`. */
  onItsServices: string[];
}

/**
 * The lessons to show on a record's page. A body's own lessons on the same service are left out of
 * `onItsServices`: the point is what others learned.
 */
export function lessonsForRecord(
  record: { id: string; organisation: string; services?: readonly number[] | undefined },
  index: LessonIndex,
  organisationOf: (lessonId: string) => string | undefined,
  limit = 5,
): LessonsForRecord {
  const about = (index.byRecord.get(record.id) ?? []).filter((id) => id !== record.id);
  const seen = new Set([record.id, ...about]);
  const onItsServices: string[] = [];
  for (const service of record.services ?? []) {
    for (const lesson of index.byService.get(service) ?? []) {
      if (onItsServices.length >= limit) break;
      if (seen.has(lesson) || organisationOf(lesson) === record.organisation) continue;
      seen.add(lesson);
      onItsServices.push(lesson);
    }
  }
  return { about, onItsServices };
}
