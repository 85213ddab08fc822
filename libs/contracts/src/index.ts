export * from './lib/domain';
export * from './lib/rates';
export * from './lib/filters';
export * from './lib/health';
export * from './lib/metrics';
