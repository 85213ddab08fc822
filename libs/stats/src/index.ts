export * from './lib/stats';
