export function stats(): string {
  return 'stats';
}
