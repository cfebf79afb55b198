/** Patches from the owner's screens: a field sent as `undefined` means « unchanged », never « erase ». */

/** The patch without its undefined fields (IPC carries them; spreading them would erase or reset a saved value). */
export function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
