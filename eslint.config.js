import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Reports built in place (examples/, test/fixtures/reports/) have their own _site/, .build/ and .cache/.
  { ignores: ['**/_site/**', '**/.build/**', '**/.cache/**', '**/node_modules/**', 'test/fixtures/reports/*/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Eleventy's config API is untyped; the plugin boundary is the one place `any` is allowed.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['.eleventy.js', 'eslint.config.js', 'scripts/bin/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
