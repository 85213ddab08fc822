import nx from '@nx/eslint-plugin';
import baseConfig from '../../eslint.config.mjs';

/**
 * The dashboard's layers (docs/ARCHITECTURE.md, "Dashboard layers"), each a folder of src/app:
 *   features/     the pages; may use ui/ and data-access/, never another page, the shell or HttpClient
 *   ui/           presentation: charts, cards, plots, formats, theme, styles; no HTTP, no state, no app code
 *   data-access/  API clients, filter state, auth session and interceptor; no ui/, no features/
 * and the shell (app.ts, routes, guards, config) at the root, which may use them all. The rules refuse an
 * import against that direction, by the folder it names or by a relative path that climbs out of its layer.
 */
const APP_FOLDERS = 'src/app';

/** Files of the layer `depth` folders below src/app: depth 2 is features/overview/x.ts. */
const filesAt = (layer, depth) => [`**/${APP_FOLDERS}/${layer}/${'*/'.repeat(depth - 1)}*.ts`];

/** From a file `depth` folders below src/app, a relative path up to src/app and then not into `allowed`. */
const climbingOutOf = (depth, allowed, message) => ({
  regex: `^(\\.\\./){${depth}}(?!(${allowed.join('|')})/)`,
  message,
});

const naming = (folder, message) => ({ regex: `(^|/)${folder}(/|$)`, message });

const ANY_HTTP = {
  regex: '^@angular/common/http(/.*)?$',
  message: 'Requests belong to data-access/ (an API client there): take the data from one, or as an input.',
};

function uiPatterns(depth) {
  return [
    naming('data-access', 'ui/ draws what it is given: no API client, filter state or session.'),
    naming('features', 'ui/ is shared by the pages: it may not import one.'),
    climbingOutOf(depth, ['ui'], 'ui/ may not import the shell or another layer.'),
    ANY_HTTP,
  ];
}

function dataAccessPatterns(depth) {
  return [
    naming('ui', 'data-access/ returns data: formatting and drawing belong to ui/ and the pages.'),
    naming('features', 'data-access/ serves the pages: it may not import one.'),
    climbingOutOf(depth, ['data-access'], 'data-access/ may not import the shell or another layer.'),
  ];
}

function featurePatterns(depth) {
  return [
    // Up to features/ and down into another folder there: a sibling page. What two pages share belongs in ui/.
    {
      regex: `^(\\.\\./){${depth - 1}}(?!\\.\\./)`,
      message: 'A page may not import another page: move what they share to ui/.',
    },
    climbingOutOf(depth, ['ui', 'data-access'], 'A page may use ui/ and data-access/, not the shell.'),
  ];
}

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
// Specs, and the helpers in a feature's testing/ folder that several of its specs share.
const TESTS = ['**/*.spec.ts', '**/testing/*.ts'];
const DEPTHS = [2, 3, 4];

const layerRules = DEPTHS.flatMap((depth) => [
  { files: filesAt('ui', depth), rules: restrict(uiPatterns(depth)) },
  { files: filesAt('data-access', depth), rules: restrict(dataAccessPatterns(depth)) },
  // A page's tests set up HTTP (the testing controller); the page itself never touches it.
  { files: filesAt('features', depth), ignores: TESTS, rules: restrict([...featurePatterns(depth), ANY_HTTP]) },
  {
    files: filesAt('features', depth).flatMap((glob) => [
      glob.replace(/\*\.ts$/, '*.spec.ts'),
      glob.replace(/\*\/\*\.ts$/, 'testing/*.ts'),
    ]),
    rules: restrict(featurePatterns(depth)),
  },
]);

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'iop',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'iop',
          style: 'kebab-case',
        },
      ],
      // Angular's validators (Validators.required) are static functions that never read `this`.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
    },
  },
  ...layerRules,
  {
    files: ['**/*.html'],
    // Override or add rules here
    rules: {},
  },
];
