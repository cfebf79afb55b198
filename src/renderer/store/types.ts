/** The combined store's shape and the slice-creator type every slice uses. */
import type { StateCreator } from 'zustand';
import type { WorkspaceSlice } from './workspace-slice';
import type { CheckupSlice } from './checkup-slice';
import type { AutoUpdatesSlice } from './auto-updates-slice';
import type { UiSlice } from './ui-slice';
import type { ProgramsSlice } from './programs-slice';
import type { SiteSlice } from './site-slice';
import type { CarnetSlice } from './carnet-slice';
import type { FleetSlice } from './fleet-slice';
import type { ProgramUpdatesSlice } from './program-updates-slice';
import type { DashboardSlice } from './dashboard-slice';

/** The whole renderer state: one store made of slices. */
export type AppState = WorkspaceSlice &
  CheckupSlice &
  AutoUpdatesSlice &
  UiSlice &
  ProgramsSlice &
  SiteSlice &
  CarnetSlice &
  FleetSlice &
  ProgramUpdatesSlice &
  DashboardSlice;

/** A slice creator over the combined state. */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;

/** Turns whatever window.revision threw into a sentence for the owner. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error
    ? error
    : 'Une erreur inattendue est survenue. Rien n’a été perdu ; réessayez.';
}
