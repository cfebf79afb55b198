/**
 * The VTIMEZONE of Europe/Paris (EU rules since 1996: summer time from the last Sunday of March
 * at 2 h to the last Sunday of October at 3 h). Outlook, Google Agenda and Apple Calendar need
 * it beside TZID=Europe/Paris, or a recurring local-time event drifts by an hour at each change.
 */

/** The time zone every local time of the calendar is given in. */
export const PARIS = 'Europe/Paris';

/** The VTIMEZONE block for Europe/Paris, lines joined with CRLF. */
export const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'X-LIC-LOCATION:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');
