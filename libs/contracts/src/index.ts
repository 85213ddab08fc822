export * from './lib/domain';
export * from './lib/rates';
export * from './lib/filters';
export * from './lib/health';
export * from './lib/metrics';
export * from './lib/evidence';
export * from './lib/retention';
export * from './lib/costs';
