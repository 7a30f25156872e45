/**
 * The GOV.UK tag colour of each roadmap status, coloured by where the work is: early phases cool, live
 * green, paused yellow, stopped red, retired grey. The record page (StatusTag.astro) and the form's
 * preview (src/browser/contribute/preview.ts) both read it, so they cannot drift apart.
 */
import type { RoadmapItem } from '../../schemas/roadmap.ts';

export const STATUS_TAG_CLASSES: Record<RoadmapItem['status'], string> = {
  idea: 'govuk-tag--grey',
  discovery: 'govuk-tag--purple',
  alpha: 'govuk-tag--teal',
  beta: 'govuk-tag--blue',
  live: 'govuk-tag--green',
  paused: 'govuk-tag--yellow',
  stopped: 'govuk-tag--red',
  retired: 'govuk-tag--grey',
};

/** The tag's class for a status as answered (a form's answer may not be a status yet): '' when it is none. */
export function statusTagClass(status: string): string {
  return Object.hasOwn(STATUS_TAG_CLASSES, status) ? STATUS_TAG_CLASSES[status as RoadmapItem['status']] : '';
}
