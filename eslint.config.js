// ESLint flat config. The core rule keeps src/core pure: no host, DOM, Node or UI API inside.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const nodeGlobals = { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly' };

module.exports = tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'build/**', 'scratch/**', 'node_modules/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['exceljs', 'fflate', 'fs', 'path', 'node:*', 'react', 'react-dom', '@fluentui/*'], message: 'src/core is pure TypeScript over a snapshot: no host, Node or UI API.' },
          { group: ['**/hosts/**', '**/taskpane/**', '**/app/**', '**/cli/**'], message: 'src/core must not depend on hosts, UI, app or CLI.' },
        ],
      }],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'window', 'document', 'Application', 'wps', 'process'],
    },
  },
  {
    // Locked-down pages (issue 10): cell text reaches the DOM as text only, never parsed as HTML.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': ['error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'srcdoc'].map((property) => ({ property, message: 'HTML from strings is forbidden: set textContent or render React elements.' })),
        { object: 'document', property: 'write', message: 'document.write is forbidden.' },
        { object: 'document', property: 'writeln', message: 'document.writeln is forbidden.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'dangerouslySetInnerHTML is forbidden: render cell text as text.' },
        { selector: "MemberExpression[computed=true][property.value=/^(innerHTML|outerHTML|insertAdjacentHTML|srcdoc)$/]", message: 'HTML from strings is forbidden.' },
        { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'HTML from strings is forbidden.' },
        { selector: "NewExpression[callee.name='Function'], CallExpression[callee.name='eval']", message: 'No code from strings: the Content-Security-Policy forbids it.' },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
