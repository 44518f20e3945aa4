import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Files still in the old shape (routes that call repositories). Each capability leaves this list as
// it moves to commands; the list must end empty.
const LEGACY_REPOSITORY_USERS = [
];

const sqlOnlyInDb = [
  { name: 'drizzle-orm', message: 'SQL lives in src/db/ only.' },
  { name: 'pg', message: 'SQL lives in src/db/ only.' },
];
// Every CSV the product writes defuses formula cells (src/documents/csv.ts).
const csvThroughOneWriter = 'Write CSV with stringify() from src/documents/csv.ts: it defuses cells a spreadsheet would run as formulas.';
const documentsApart = 'PDF, CSV and ZIP files are rendered in src/documents/, from the models the domain returns.';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'drizzle/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.ts only.' }],
    },
  },
  {
    files: ['src/config.ts', 'bench/**', 'e2e/**', 'test/**', 'vite.config.ts', 'vitest.config.ts', 'drizzle.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The three layers: only db/ touches Drizzle's query builders and SQL (documents get models).
    files: ['src/http/**', 'src/documents/**'],
    ignores: ['src/documents/csv.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...sqlOnlyInDb, { name: 'csv-stringify', message: csvThroughOneWriter }],
          patterns: [{ group: ['csv-stringify/*'], message: csvThroughOneWriter }],
        },
      ],
    },
  },
  {
    // The demo and the CLI may use SQL (the demo loads itself), but not a CSV writer of their own.
    files: ['src/demo/**', 'src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'csv-stringify', message: csvThroughOneWriter }], patterns: [{ group: ['csv-stringify/*'], message: csvThroughOneWriter }] }] },
  },
  {
    // The same, and documents live apart: the domain returns models (a FilingPacket, a Chronology)
    // and src/documents/ renders them, so the domain imports no PDF, CSV or ZIP library, nor
    // src/documents/ itself. (One rule per file: a later block would replace the SQL paths.)
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...sqlOnlyInDb, ...['pdfkit', 'fontkit', 'yazl', 'csv-stringify'].map((name) => ({ name, message: documentsApart }))],
          patterns: [
            { group: ['csv-stringify/*'], message: documentsApart },
            { regex: '(^|/)documents/', message: documentsApart },
          ],
        },
      ],
    },
  },
  {
    // Routes and CLI commands parse, authenticate, call a command or a query, and present
    // (decision 0017): they never see a repository. Row *types* may be imported (presenters read
    // rows); repository functions and services.repositories may not.
    files: ['src/http/**', 'src/cli/**'],
    ignores: LEGACY_REPOSITORY_USERS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'drizzle-orm', message: 'SQL lives in src/db/ only.' }, { name: 'pg', message: 'SQL lives in src/db/ only.' }],
          patterns: [{ group: ['**/db/repositories/*', '**/db/client.js', '**/db/schema/*'], allowTypeImports: true, message: 'Call a domain command or query (src/domain/<capability>/<verb-noun>.ts) instead of a repository.' }],
        },
      ],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='repositories']", message: 'Routes and CLI commands never see repositories: run a domain command with services.execute().' }],
    },
  },
);
