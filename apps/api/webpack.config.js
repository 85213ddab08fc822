const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // The evidence board's worker thread (apps/api/src/evidence/evidence-workers.ts starts it from beside main.js).
      // The early-warning model's worker thread (apps/api/src/early-warning/early-warning-workers.ts), likewise.
      additionalEntryPoints: [
        { entryName: 'evidence-worker', entryPath: './src/evidence/evidence.worker.ts' },
        { entryName: 'early-warning-worker', entryPath: './src/early-warning/early-warning.worker.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      assets: ['./src/assets'],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
