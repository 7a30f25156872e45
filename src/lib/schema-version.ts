/**
 * The JSON Schemas as the site publishes them. The committed copies in schemas/json/ carry a relative `$id`
 * (v1/roadmap.schema.json), because only the build knows where the hub is published; the site serves each
 * with its absolute, versioned address as `$id`, at both /schemas/<name>.schema.json (the address people
 * already use, always the current version) and /schemas/v<major>/<name>.schema.json (the address that
 * names the version, and stays that version's).
 */
import { versionedSchemaPath } from '../../schemas/version.ts';

/** The schema's text with its `$id` made absolute: the versioned address under the site and base (of `major`, by default the current). */
export function publishedSchema(text: string, name: string, absolute: (path: string) => string, major?: number): string {
  const json = JSON.parse(text) as Record<string, unknown>;
  // $id is already the second key in the committed file, so assigning it keeps the key order.
  json.$id = absolute(versionedSchemaPath(name, major));
  return `${JSON.stringify(json, null, 2)}\n`;
}
