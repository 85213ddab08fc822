export { wilsonInterval } from './lib/proportions';
