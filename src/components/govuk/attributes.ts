/**
 * The `attributes` option of every GOV.UK Frontend component, as govuk-frontend's `govukAttributes`
 * macro (dist/govuk/macros/attributes.njk) renders it, turned into an object for Astro's spread syntax:
 * `<div {...govukAttributes(attributes)}>`.
 *
 * - `{ name: 'value' }` renders name="value"; numbers and booleans are written as text ("123", "false").
 * - `{ name: undefined }` or `null` renders name="" (as the macro does).
 * - `{ name: { value, optional: true } }` renders nothing when value is undefined, null or false, and a
 *   bare boolean attribute when value is true.
 *
 * Values are escaped by Astro. The macro also accepts a pre-rendered string of attributes; the hub does
 * not (there is no safe way to spread raw attribute HTML in Astro, and the hub never needs it).
 */
export type AttributeValue = string | number | boolean | null | undefined;
export interface OptionalAttribute {
  value: AttributeValue;
  optional?: boolean;
}
export type Attributes = Record<string, AttributeValue | OptionalAttribute>;

/** Attributes Astro writes as bare names when true and leaves out when falsy (from astro/runtime/server/render/util.js). */
const ASTRO_BOOLEAN_ATTRIBUTE_NAMES = [
  'allowfullscreen',
  'async',
  'autofocus',
  'autoplay',
  'checked',
  'controls',
  'default',
  'defer',
  'disabled',
  'disablepictureinpicture',
  'disableremoteplayback',
  'formnovalidate',
  'inert',
  'loop',
  'muted',
  'nomodule',
  'novalidate',
  'open',
  'playsinline',
  'readonly',
  'required',
  'reversed',
  'scoped',
  'seamless',
  'selected',
  'itemscope',
];
const ASTRO_BOOLEAN_ATTRIBUTES = new RegExp(`^(?:${ASTRO_BOOLEAN_ATTRIBUTE_NAMES.join('|')})$`, 'i');

/** Turns a component's `attributes` option into attributes to spread on its element. */
export function govukAttributes(attributes?: Attributes | null): Record<string, string | true> {
  const result: Record<string, string | true> = {};
  if (!attributes || typeof attributes !== 'object') return result;
  for (const [name, item] of Object.entries(attributes)) {
    const { value, optional } = item !== null && typeof item === 'object' ? item : { value: item, optional: false };
    if (optional === true) {
      if (value === undefined || value === null || value === false) continue;
      if (value === true) {
        // Astro writes "" as a bare attribute name, except for its own boolean attributes, which need true.
        result[name] = ASTRO_BOOLEAN_ATTRIBUTES.test(name) ? true : '';
        continue;
      }
    }
    const text = value === undefined || value === null ? '' : String(value);
    result[name] = ASTRO_BOOLEAN_ATTRIBUTES.test(name) ? true : text;
  }
  return result;
}

/** The class attribute: the component's own class, then any extra classes given in `classes`. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
