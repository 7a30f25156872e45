/**
 * src/lib/content-files/yaml.ts: safe YAML for content files. YAML 1.2 core schema only, duplicate keys are
 * errors, aliases are bounded, tags are refused. js-yaml reads the ordinary file and the `yaml` package
 * decides everything else; a differential property test checks that the two give the same value.
 */
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_COUNT, MAX_DEPTH, offsetOf, parseYaml, type ParsedYaml } from '../../src/lib/content-files/yaml.ts';

/** The value of a document that must parse without issues. */
function valueOf(text: string): unknown {
  const parsed = parseYaml(text);
  expect(parsed.issues, `issues for ${JSON.stringify(text)}`).toEqual([]);
  return parsed.value;
}

/** What the `yaml` package alone, with the module's own options, makes of a text. */
function reference(text: string): unknown {
  return parseDocument(text, { version: '1.2', schema: 'core', merge: false, uniqueKeys: true, strict: true }).toJS();
}

describe('parseYaml: YAML 1.2 core schema semantics', () => {
  it('reads an ordinary record as plain fields', () => {
    expect(valueOf('title: Garden waste\nstatus: beta\nservices: [524, 530]\nthemes:\n  - waste-and-recycling\n')).toEqual({
      title: 'Garden waste',
      status: 'beta',
      services: [524, 530],
      themes: ['waste-and-recycling'],
    });
  });

  it('keeps dates and months as text, never Date objects', () => {
    const value = valueOf('review_by: 2027-03-31\nstart: 2026-04\nupdated: 2026-04-01T10:00:00Z\n');
    expect(value).toEqual({ review_by: '2027-03-31', start: '2026-04', updated: '2026-04-01T10:00:00Z' });
  });

  it('keeps yes, no, on, off and y as text (they are booleans only in YAML 1.1)', () => {
    expect(valueOf('a: yes\nb: no\nc: on\nd: off\ne: y\n')).toEqual({ a: 'yes', b: 'no', c: 'on', d: 'off', e: 'y' });
  });

  it('reads true, True and TRUE as booleans, but not tRUE', () => {
    expect(valueOf('a: true\nb: True\nc: TRUE\nd: false\ne: tRUE\n')).toEqual({ a: true, b: true, c: true, d: false, e: 'tRUE' });
  });

  it('reads ~, null, Null, NULL and an empty value as null', () => {
    expect(valueOf('a: ~\nb: null\nc: Null\nd: NULL\ne:\n')).toEqual({ a: null, b: null, c: null, d: null, e: null });
  });

  it('reads 0o14 as the octal number 12, 0x1F as 31, and 012 as the decimal 12', () => {
    expect(valueOf('a: 0o14\nb: 0x1F\nc: 012\n')).toEqual({ a: 12, b: 31, c: 12 });
  });

  it('keeps YAML 1.1 number forms as text: 0b101 and 1_000', () => {
    expect(valueOf('a: 0b101\nb: 1_000\n')).toEqual({ a: '0b101', b: '1_000' });
  });

  it('reads floats, exponents and the special values .inf and .nan', () => {
    const value = valueOf('a: 1.5\nb: 1e3\nc: -.5\nd: .inf\ne: -.Inf\nf: .nan\n') as Record<string, number>;
    expect(value).toMatchObject({ a: 1.5, b: 1000, c: -0.5, d: Infinity, e: -Infinity });
    expect(value.f).toBeNaN();
  });

  it('keeps a quoted number as text', () => {
    expect(valueOf('a: "524"\nb: \'0o14\'\n')).toEqual({ a: '524', b: '0o14' });
  });

  it('does not merge << keys: a << field is an ordinary field', () => {
    expect(valueOf('<<: {a: 1}\nb: 2\n')).toEqual({ '<<': { a: 1 }, b: 2 });
  });

  it('reads literal and folded block scalars with their chomping', () => {
    expect(valueOf('a: |\n  one\n  two\nb: >\n  one\n  two\nc: |-\n  x\n')).toEqual({ a: 'one\ntwo\n', b: 'one two\n', c: 'x' });
  });

  it('reads Welsh text unchanged', () => {
    expect(valueOf('title_cy: Tanysgrifiadau gwastraff gardd ar-lein — dŵr, tŷ, â\n')).toEqual({
      title_cy: 'Tanysgrifiadau gwastraff gardd ar-lein — dŵr, tŷ, â',
    });
  });

  it('gives null with no issues for an empty file or one of comments only', () => {
    for (const text of ['', '# nothing here\n', '\n\n']) {
      const parsed = parseYaml(text);
      expect(parsed.issues).toEqual([]);
      expect(parsed.value).toBeNull();
    }
  });

  it('accepts explicit core-schema tags such as !!str', () => {
    expect(valueOf('gss_code: !!str 12345\n')).toEqual({ gss_code: '12345' });
  });
});

describe('parseYaml: errors', () => {
  it('reports a duplicate field as yaml/duplicate-key, naming the field and pointing at its second use', () => {
    const text = 'title: x\nstatus: beta\nsummary: y\nstatus: live\n';
    const parsed = parseYaml(text);
    expect(parsed.value).toBeUndefined();
    expect(parsed.issues).toEqual([
      {
        rule: 'yaml/duplicate-key',
        offset: text.lastIndexOf('status'),
        message: 'the field `status` appears twice in the same place',
        fix: 'keep one of them',
        path: ['status'],
      },
    ]);
  });

  it('reports every duplicate field, including quoted ones and ones inside a list item', () => {
    const text = 'title: x\n"title": y\nlinks:\n  - url: https://a.example\n    url: https://b.example\n';
    const parsed = parseYaml(text);
    expect(parsed.issues.map((issue) => [issue.rule, issue.path])).toEqual([
      ['yaml/duplicate-key', ['title']],
      ['yaml/duplicate-key', ['links', 0, 'url']],
    ]);
    expect(parsed.issues[1].offset).toBe(text.lastIndexOf('url'));
  });

  it('reports a duplicate key in a flow mapping', () => {
    expect(parseYaml('contact: {email: a@b.example, email: c@d.example}\n').issues).toMatchObject([
      { rule: 'yaml/duplicate-key', path: ['contact', 'email'] },
    ]);
  });

  it('reports a missing closing quote as yaml/syntax, in plain words', () => {
    const parsed = parseYaml('title: "Garden waste\nstatus: beta\n');
    expect(parsed.value).toBeUndefined();
    expect(parsed.issues[0]).toMatchObject({
      rule: 'yaml/syntax',
      message: expect.stringMatching(/^a closing quote or bracket is missing/),
      fix: expect.stringMatching(/quotes/),
    });
  });

  it('explains a colon inside a value, the commonest slip', () => {
    const parsed = parseYaml('title: Garden waste\nsummary: Online: at last\n');
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0]).toMatchObject({
      rule: 'yaml/syntax',
      message: expect.stringMatching(/colon followed by a space.*double quotes/),
    });
    expect(parsed.issues[0].offset).toBeGreaterThanOrEqual('title: Garden waste\n'.length);
  });

  it('explains indentation with a tab', () => {
    const parsed = parseYaml('links:\n\t- url: https://a.example\n');
    expect(parsed.issues.map((issue) => issue.rule)).toContain('yaml/syntax');
    expect(parsed.issues.map((issue) => issue.message).join('\n')).toMatch(/tab/);
  });

  it('refuses two documents in one file', () => {
    const parsed = parseYaml('title: a\n---\ntitle: b\n');
    expect(parsed.issues).toMatchObject([{ rule: 'yaml/syntax', message: expect.stringMatching(/more than one document/) }]);
  });
});

describe('parseYaml: aliases', () => {
  it('expands aliases within the limit', () => {
    const parsed = parseYaml('base: &contact digital@example.gov.uk\ncontact: *contact\nlist: [*contact, *contact]\n');
    expect(parsed.issues).toEqual([]);
    expect(parsed.value).toEqual({
      base: 'digital@example.gov.uk',
      contact: 'digital@example.gov.uk',
      list: ['digital@example.gov.uk', 'digital@example.gov.uk'],
    });
  });

  it('expands an alias of a list or a group of fields', () => {
    expect(valueOf('a: &x {b: [1, 2]}\nc: *x\n')).toEqual({ a: { b: [1, 2] }, c: { b: [1, 2] } });
  });

  it('refuses a "billion laughs" document with yaml/aliases, and finishes quickly', () => {
    const names = 'abcdefghij'.split('');
    let text = `a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n`;
    for (let i = 1; i < names.length; i++)
      text += `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]\n`;
    const started = performance.now();
    const parsed = parseYaml(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(parsed.value).toBeUndefined();
    expect(parsed.issues).toEqual([
      {
        rule: 'yaml/aliases',
        offset: text.indexOf('*a'),
        message: `the file uses YAML aliases (*name) 81 times; at most ${MAX_ALIAS_COUNT} are allowed`,
        fix: 'write the values out in full instead of using & and * references',
      },
    ]);
  });

  it('refuses aliases that stay under the count but nest into an exponential expansion', () => {
    const names = 'abcdef'.split('');
    let text = `a: &a [x, x, x, x, x, x, x, x, x]\n`;
    for (let i = 1; i < names.length; i++)
      text += `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]\n`;
    const parsed = parseYaml(text);
    expect(parsed.issues).toMatchObject([
      { rule: 'yaml/aliases', message: 'the file’s YAML aliases (*name) expand to far more data than a record holds' },
    ]);
  });

  const aliasesOfOne = (count: number) => `base: &x hello\nlist:\n${'  - *x\n'.repeat(count)}`;

  it('refuses many more aliases of one anchor than the limit', () => {
    expect(parseYaml(aliasesOfOne(MAX_ALIAS_COUNT * 2)).issues.map((issue) => issue.rule)).toEqual(['yaml/aliases']);
  });

  it('expands a few less than the limit', () => {
    expect((valueOf(aliasesOfOne(MAX_ALIAS_COUNT - 1)) as { list: string[] }).list).toHaveLength(MAX_ALIAS_COUNT - 1);
  });

  it('expands exactly MAX_ALIAS_COUNT aliases, the documented maximum', () => {
    expect((valueOf(aliasesOfOne(MAX_ALIAS_COUNT)) as { list: string[] }).list).toHaveLength(MAX_ALIAS_COUNT);
  });

  it('refuses a file that expands more than MAX_ALIAS_COUNT aliases spread over two anchors', () => {
    const text = `x: &x hello\ny: &y there\nlist:\n${'  - *x\n  - *y\n'.repeat(45)}`;
    expect(parseYaml(text).issues.map((issue) => issue.rule)).toEqual(['yaml/aliases']);
  });
});

describe('parseYaml: tags', () => {
  it.each([
    ['a local tag', 'title: !shout Garden waste\n'],
    ['a verbatim tag', 'title: !<tag:example.com,2026:x> Garden waste\n'],
    ['a language-specific tag', 'title: !!python/object:os.system x\n'],
    ['a JavaScript function tag', 'title: !!js/function "function () {}"\n'],
  ])('refuses %s as yaml/syntax, saying tags are not allowed', (_what, text) => {
    const parsed = parseYaml(text);
    expect(parsed.value).toBeUndefined();
    expect(parsed.issues).toMatchObject([{ rule: 'yaml/syntax', message: expect.stringMatching(/tags are not allowed/) }]);
  });

  it('refuses the YAML 1.1 tags !!timestamp, !!binary and !!set', () => {
    for (const text of ['review_by: !!timestamp 2027-03-31\n', 'title: !!binary R2FyZGVu\n', 'themes: !!set {housing}\n']) {
      expect(
        parseYaml(text).issues.map((issue) => issue.rule),
        text,
      ).toEqual(['yaml/syntax']);
    }
  });
});

describe('parseYaml: nesting', () => {
  it('reads nesting as deep as MAX_DEPTH', () => {
    const text = `a: ${'['.repeat(MAX_DEPTH - 1)}1${']'.repeat(MAX_DEPTH - 1)}\n`;
    let value: unknown = (valueOf(text) as { a: unknown }).a;
    for (let depth = 1; depth < MAX_DEPTH; depth++) value = (value as unknown[])[0];
    expect(value).toBe(1);
  });

  it('reports very deep nesting as an issue rather than throwing', () => {
    const parsed = parseYaml(`a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    expect(parsed.value).toBeUndefined();
    expect(parsed.issues.length).toBeGreaterThan(0);
  });

  it('refuses nesting deeper than MAX_DEPTH', () => {
    const parsed = parseYaml(`a: ${'['.repeat(100)}${']'.repeat(100)}\n`);
    expect(parsed.issues.length).toBeGreaterThan(0);
  });
});

describe('parseYaml: the two parsers agree', () => {
  it('reads a number too large for a double the same as the yaml package', () => {
    for (const text of ['a: 1e400\n', `a: 1${'0'.repeat(400)}\n`, `a: 0x${'f'.repeat(300)}\n`]) {
      expect(parseYaml(text).value, text).toEqual(reference(text));
    }
  });

  it('reads a null key the same as the yaml package', () => {
    for (const text of ['~: a\n', 'null: a\n', 'title: x\n: a\n']) {
      expect(parseYaml(text).value, text).toEqual(reference(text));
    }
  });

  /*
   * Random record-like documents: mappings of snake_case keys to plain, quoted and block scalars,
   * numbers, booleans, nulls, flow and block lists and nested maps, with comments. Plain scalars
   * include the words YAML 1.1 and 1.2 read differently (yes, 0o14, 2026-04, .inf …) and, now and
   * then, characters that break the document; whenever parseYaml finds no issue, its value must be
   * the yaml package's.
   */
  const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
  const LOOKALIKES = [
    'yes',
    'no',
    'on',
    'off',
    'y',
    'n',
    'null',
    'Null',
    'NULL',
    'nULL',
    '~',
    'true',
    'True',
    'TRUE',
    'tRUE',
    'false',
    'FALSE',
    '2026-04',
    '2026-04-01',
    '2026-04-01T10:00:00Z',
    '0o14',
    '0o',
    '014',
    '0x1F',
    '0xff',
    '0b101',
    '1_000',
    '.inf',
    '-.Inf',
    '+.INF',
    '.nan',
    '.NaN',
    '1e3',
    '1E-3',
    '+12',
    '-0',
    '1.',
    '.5',
    '-.5e2',
    '12:30',
    '1:20:30',
    '524',
    '3.14',
    '0',
    '00',
    '+',
    '-',
    '.',
    '=',
    '<<',
  ];
  const word = fc.oneof(
    { weight: 5, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9'()/.,-]{0,10}$/) },
    { weight: 3, arbitrary: fc.constantFrom(...LOOKALIKES) },
    { weight: 1, arbitrary: fc.constantFrom('Ynys Môn', 'dŵr', 'tŷ', 'café', '€5', '日本') },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{1,4}[:#@`!%&*|>?{}[\]][a-z]{0,4}$/) },
  );
  const plain = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
  const anyText = fc.string({ unit: 'grapheme', maxLength: 20 });
  const escapes = fc.constantFrom(
    '\\x41',
    '\\u00e9',
    '\\U0001F600',
    '\\0',
    '\\a',
    '\\e',
    '\\N',
    '\\_',
    '\\L',
    '\\P',
    '\\t',
    '\\/',
    '\\ ',
    '\\"',
    '\\\\',
    "'",
    '#',
    ': ',
    ' #',
  );
  const doubleQuoted = fc.oneof(
    anyText.map((text) => JSON.stringify(text)),
    fc.array(fc.oneof(fc.stringMatching(/^[a-z ]{0,5}$/), escapes), { maxLength: 6 }).map((parts) => `"${parts.join('')}"`),
  );
  const singleQuoted = anyText.map((text) => `'${text.replaceAll("'", "''")}'`);
  // Finite numbers only: overflow to Infinity is the known disagreement above.
  const numberText = fc.oneof(
    fc.integer({ min: -1e6, max: 1e6 }).map(String),
    fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }).map(String),
    fc
      .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: -300, max: 300 }), fc.constantFrom('e', 'E'))
      .map(([mantissa, exponent, e]) => `${mantissa}${e}${exponent}`),
    fc.nat().map((n) => `0x${n.toString(16)}`),
    fc.nat().map((n) => `0o${n.toString(8)}`),
    fc.constantFrom('.5', '-.5', '+1', '1.', '007', '-0', '0.0', '+.inf', '-.inf', '.nan'),
  );
  const bool = fc.constantFrom('true', 'false', 'True', 'False', 'TRUE', 'FALSE');
  const nul = fc.constantFrom('null', 'Null', 'NULL', '~', '');
  const scalar = fc.oneof(
    { weight: 4, arbitrary: plain },
    { weight: 2, arbitrary: doubleQuoted },
    { weight: 2, arbitrary: singleQuoted },
    { weight: 3, arbitrary: numberText },
    bool,
    nul,
  );
  const flowItem = fc.oneof(
    doubleQuoted,
    singleQuoted,
    numberText,
    bool,
    fc.constantFrom('null', '~'),
    fc.stringMatching(/^[a-z][a-z0-9 -]{0,10}$/).map((text) => text.trim()),
  );
  const comment = fc.option(
    fc.stringMatching(/^[ -~]{0,15}$/).map((text) => ` # ${text}`),
    { nil: '' },
  );

  type Value =
    | { kind: 'scalar'; text: string; comment: string }
    | { kind: 'flow-list'; items: string[] }
    | { kind: 'flow-map'; pairs: [string, string][] }
    | { kind: 'block-list'; items: Value[]; indent: number }
    | { kind: 'map'; pairs: [string, Value][] }
    | { kind: 'block'; style: string; lines: string[]; extra: number };

  const blockLine = fc.oneof(
    { weight: 5, arbitrary: fc.stringMatching(/^[A-Za-z0-9 .,:#'"-]{0,20}$/).map((line) => line.trimStart()) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.stringMatching(/^ {1,3}[a-z]{1,5}$/) },
  );
  const blockScalar = fc
    .record({
      style: fc.constantFrom('|', '>', '|-', '>-', '|+', '>+'),
      lines: fc.array(blockLine, { minLength: 1, maxLength: 5 }),
      extra: fc.integer({ min: 0, max: 2 }),
    })
    .map((block): Value => ({ kind: 'block', ...block }));

  const { map } = fc.letrec<{ value: Value; map: Value }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('scalar' as const), text: scalar, comment }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('flow-list' as const), items: fc.array(flowItem, { maxLength: 4 }) }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('flow-map' as const),
          pairs: fc.uniqueArray(fc.tuple(key, flowItem), { maxLength: 3, selector: ([name]) => name }),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('block-list' as const),
          items: fc.array(tie('value'), { minLength: 1, maxLength: 3 }),
          indent: fc.constantFrom(0, 2),
        }),
      },
      { weight: 2, arbitrary: tie('map') },
      { weight: 1, arbitrary: blockScalar },
    ),
    map: fc.record({
      kind: fc.constant('map' as const),
      pairs: fc.uniqueArray(fc.tuple(key, tie('value')), { minLength: 1, maxLength: 5, selector: ([name]) => name }),
    }),
  }));

  const pad = (n: number) => ' '.repeat(n);
  function renderPairs(pairs: [string, Value][], indent: number): string[] {
    return pairs.flatMap(([name, value]) => renderAfter(`${pad(indent)}${name}:`, value, indent));
  }
  /** The lines of a value written after `prefix` ("key:" or "-"), which starts at column `indent`. */
  function renderAfter(prefix: string, value: Value, indent: number): string[] {
    switch (value.kind) {
      case 'scalar':
        return [`${prefix}${value.text === '' ? '' : ` ${value.text}`}${value.comment}`];
      case 'flow-list':
        return [`${prefix} [${value.items.join(', ')}]`];
      case 'flow-map':
        return [`${prefix} {${value.pairs.map(([name, item]) => `${name}: ${item}`).join(', ')}}`];
      case 'block':
        return [`${prefix} ${value.style}`, ...value.lines.map((line) => (line === '' ? '' : pad(indent + 2 + value.extra) + line))];
      case 'map':
        return [prefix, ...renderPairs(value.pairs, indent + 2)];
      case 'block-list': {
        // A list under a key may sit at the key's own indentation; a list in a list must be indented.
        const at = prefix.trimStart().startsWith('-') ? indent + 2 : indent + value.indent;
        return [prefix, ...value.items.flatMap((item) => renderItem(item, at))];
      }
    }
  }
  function renderItem(value: Value, indent: number): string[] {
    if (value.kind === 'map') {
      const [first, ...rest] = renderPairs(value.pairs, indent + 2);
      return [`${pad(indent)}- ${first.trimStart()}`, ...rest];
    }
    return renderAfter(`${pad(indent)}-`, value, indent);
  }
  const recordDocument = fc
    .tuple(map, fc.boolean(), comment, fc.constantFrom('\n', '\r\n'))
    .map(
      ([record, leadingComment, text, newline]) =>
        [...(leadingComment ? [`#${text}`] : []), ...renderPairs((record as { pairs: [string, Value][] }).pairs, 0)].join(newline) +
        newline,
    );

  it('gives the same value as the yaml package for every random record-like document it accepts', () => {
    let accepted = 0;
    const runs = 1500;
    fc.assert(
      fc.property(recordDocument, (text) => {
        const parsed: ParsedYaml = parseYaml(text);
        if (parsed.issues.length > 0) return;
        accepted++;
        expect(parsed.value).toStrictEqual(reference(text));
      }),
      { numRuns: runs },
    );
    // Most generated documents are valid YAML, so the comparison above is not vacuous.
    expect(accepted).toBeGreaterThan(runs * 0.7);
  });

  it('never throws, whatever text it is given', () => {
    const yamlCharacters = fc.string({ unit: fc.constantFrom(...'ab1 :-#[]{},"\'\n\r\t|>&*!?%@`\\.~'.split('')), maxLength: 80 });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          yamlCharacters,
        ),
        (text) => {
          const parsed = parseYaml(text);
          expect(Array.isArray(parsed.issues)).toBe(true);
          if (parsed.issues.length > 0) expect(parsed.value).toBeUndefined();
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('offsetOf', () => {
  const text =
    'title: Garden waste\nstatus: beta\nlinks:\n  - title: One\n    url: https://a.example\n' +
    '  - title: Two\n    url: https://b.example\nservices: [524, 530]\n';
  const document = parseYaml(text).document();

  it('finds the value of a top-level field', () => {
    expect(offsetOf(document, ['status'])).toBe(text.indexOf('beta'));
  });

  it('finds the key of a field when asked for the key', () => {
    expect(offsetOf(document, ['status'], true)).toBe(text.indexOf('status'));
  });

  it('finds a nested value, links[1].url', () => {
    expect(offsetOf(document, ['links', 1, 'url'])).toBe(text.indexOf('https://b.example'));
  });

  it('finds a nested key, the url of links[1]', () => {
    expect(offsetOf(document, ['links', 1, 'url'], true)).toBe(text.indexOf('url: https://b.example'));
  });

  it('finds an item of a flow list', () => {
    expect(offsetOf(document, ['services', 1])).toBe(text.indexOf('530'));
  });

  it('points at the nearest existing parent when the path goes further than the document', () => {
    expect(offsetOf(document, ['links', 5, 'url'])).toBe(text.indexOf('- title: One'));
    expect(offsetOf(document, ['links', 0, 'missing'])).toBe(text.indexOf('title: One'));
    expect(offsetOf(document, ['status', 'deeper'])).toBe(text.indexOf('beta'));
  });

  it('points at the start of the document for a missing top-level field or an empty path', () => {
    expect(offsetOf(document, ['summary'])).toBe(0);
    expect(offsetOf(document, [])).toBe(0);
  });

  it('points just after the colon of a field whose value is empty, where the value belongs', () => {
    const withEmpty = 'title: x\nsummary:\nstatus: beta\n';
    expect(offsetOf(parseYaml(withEmpty).document(), ['summary'])).toBe(withEmpty.indexOf('summary:') + 'summary:'.length);
  });

  it('finds the offset in a document that took the slow path (with an alias)', () => {
    const aliased = 'base: &x https://a.example\nlinks:\n  - url: *x\n';
    const parsed = parseYaml(aliased);
    expect(parsed.issues).toEqual([]);
    expect(offsetOf(parsed.document(), ['links', 0, 'url'])).toBe(aliased.indexOf('*x'));
  });
});
