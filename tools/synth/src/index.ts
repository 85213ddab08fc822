export * from './lib/synth';
