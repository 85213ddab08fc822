import { DISPLAY_LOCALE } from '@iop/contracts';

// Instants in UTC, stated as such, like the report times: the readers of one network sit in several time zones.
const instantFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** "2026-03-02T09:30:00Z" -> "Mar 2, 2026, 9:30 AM UTC"; anything that is not an instant is shown as given. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${instantFormat.format(date)} UTC`;
}

const tenths = new Intl.NumberFormat(DISPLAY_LOCALE, { maximumFractionDigits: 1 });

/** How long something took: 0.42 -> "0.4 s", 12.6 -> "13 s", 125 -> "2 min 5 s", 3720 -> "1 h 2 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 10) return `${tenths.format(seconds)} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  return `${Math.floor(whole / 3600)} h ${Math.floor((whole % 3600) / 60)} min`;
}

const sizeFormat = (unit: string) =>
  new Intl.NumberFormat(DISPLAY_LOCALE, { style: 'unit', unit, maximumFractionDigits: 1 });
// Multiples of 1024, as the API counts its upload limit (IOP_IMPORT_MAX_FILE_MB = 512 is 512 × 1024 × 1024
// bytes): the page then names the limit as the API's messages do.
const SIZE_UNITS = [
  { bytes: 1024 ** 3, format: sizeFormat('gigabyte') },
  { bytes: 1024 ** 2, format: sizeFormat('megabyte') },
  { bytes: 1024, format: sizeFormat('kilobyte') },
];

/** A file size: 812 -> "812 bytes", 48_213 -> "47.1 kB", 536_870_912 -> "512 MB". */
export function formatBytes(bytes: number): string {
  const unit = SIZE_UNITS.find((candidate) => bytes >= candidate.bytes);
  return unit ? unit.format.format(bytes / unit.bytes) : `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}
