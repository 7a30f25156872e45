// ESLint for the TypeScript, JavaScript and Astro code: the recommended rules of ESLint, typescript-eslint
// and eslint-plugin-astro, without type information (fast enough for every `npm test`; `astro check` checks
// the types). Prettier formats (.prettierrc.json); the one formatting rule here is the longest line.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Lines are at most this long, comments and strings included (Prettier wraps code at the same width). */
export const MAX_LINE_LENGTH = 140;

export default tseslint.config(
  { ignores: ['**/dist/', '**/.astro/', 'node_modules/', 'tmp/', 'coverage/', 'public/pagefind/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { '@stylistic': stylistic },
    rules: {
      // A leading underscore says "deliberately unused" (a destructured part left out, a callback's argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Contributors' text is untrusted: the hub strips control characters from it on purpose, by regular expression.
      'no-control-regex': 'off',
      '@stylistic/max-len': ['error', { code: MAX_LINE_LENGTH, tabWidth: 2 }],
    },
  },
  // Code that runs in the browser: the search page's module and the forms' scripts.
  { files: ['public/**/*.js', 'src/browser/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  // Astro's own global for the HTML attribute types of components' props.
  { files: ['**/*.astro'], languageOptions: { globals: { astroHTML: 'readonly' } } },
  // The Node version check runs before anything else, on whatever Node is installed: CommonJS, by necessity.
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
