/** Dates as the page shows them: French, day and time, in the watcher's time zone. */
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

/** « 22/11/2026 10:05 », or the fallback when there is no date. */
export function when(ms: number | null, fallback: string): string {
  return ms === null ? fallback : dateTime.format(new Date(ms));
}
