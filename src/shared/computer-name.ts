/**
 * The owner's name for this computer, apart from the workspace's schemas so that the renderer can
 * use it without bundling zod (src/shared/workspace.ts re-exports it for everyone else).
 */

/** The name the owner gave this computer, trimmed; null when none was given (say « Cet ordinateur »). */
export function ownComputerName(settings: { computerName?: string } | null | undefined): string | null {
  const name = settings?.computerName?.trim() ?? '';
  return name === '' ? null : name;
}
