/**
 * Pure functions from the Windows scripts' JSON to facts. No I/O: every function here is tested on
 * captured outputs, and the auto-updates work uses them to verify a change from an "after" capture.
 * Only ISO dates, booleans, numbers and invariant enum names are read; localised text (French update
 * titles, French dates) is kept for display and never interpreted.
 */
export * from './common';
export * from './identity';
export * from './auto-updates';
export * from './history';
export * from './antivirus';
export * from './firewall';
export * from './inventory';
export * from './pending';
export * from './update-runs';
