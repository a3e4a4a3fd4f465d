// Lint: typescript-eslint's strict, type-checked rules over the sources; formatting is Prettier's (npm run lint runs both).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '**/*.js', '**/*.mjs', '**/*.cjs', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Numbers and booleans read plainly in messages ("3 records"); objects and unknowns still may not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Record data, platform constants (fs.constants.O_NOFOLLOW is absent on Windows) and cached lookups are
      // narrower in their types than at run time; the checks against that are deliberate.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Used where an earlier line has just established the value (a map filled above); each is one lookup.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // The regexes that find control characters (to show them, never send them) must name them.
      'no-control-regex': 'off',
      // A command's run() answers the interface's Promise whether or not it awaits anything.
      '@typescript-eslint/require-await': 'off',
      // VS Code's EventEmitter and the like are Disposables by shape, which is how the API means them.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  prettier,
);
