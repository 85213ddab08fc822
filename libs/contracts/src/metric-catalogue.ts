// A secondary entry point, @iop/contracts/metric-catalogue: the definitions are long texts that only the
// definitions page and the PDF reports read, so they stay out of the barrel that every dashboard chunk imports
// (a bundler keeps a module whose constants are built by calls, whether or not anything reads them).
export * from './lib/metric-catalogue';
export * from './lib/definition-groups';
