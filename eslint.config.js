import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-ssr', 'dist-profile', 'node_modules', 'bench-results', 'tests/fixtures/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      // Scrollable tables are focusable regions so keyboard users can scroll them (WCAG 2.1.1).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['region'], tags: [] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The architecture (docs/ARCHITECTURE.md): the kit never imports the story, and the story's data code never imports graphics code.
  {
    files: ['src/kit/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)story(/|$)', message: 'The kit never imports the story (docs/ARCHITECTURE.md).' },
            {
              regex: '^virtual:',
              message: "The kit never imports the story's data modules (virtual:*, from src/story/data/vitePlugin.ts; docs/ARCHITECTURE.md).",
            },
            { regex: '(^|/)data/[^/]+\\.json$', message: "The kit never imports the story's data files (docs/ARCHITECTURE.md)." },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression[source.value=/(^|\\/)story(\\/|$)|^virtual:/]', message: 'The kit never imports the story (docs/ARCHITECTURE.md).' },
      ],
    },
  },
  // The embed runtime's parts are created in dependency order: no closure over a binding declared after it (signal.ts).
  {
    files: ['src/kit/embed/**/*.{ts,tsx}'],
    rules: {
      'no-use-before-define': 'off',
      '@typescript-eslint/no-use-before-define': ['error', { functions: false, classes: true, variables: true }],
    },
  },
  {
    files: ['src/story/data/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)graphics(/|$)', message: 'Data code never imports graphics code (docs/ARCHITECTURE.md).' }] },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression[source.value=/(^|\\/)graphics(\\/|$)/]', message: 'Data code never imports graphics code (docs/ARCHITECTURE.md).' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
