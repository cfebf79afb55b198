/** The card a dashboard light opened takes the keyboard focus once, after the screen's heading did. */
import { useEffect, type RefObject } from 'react';
import { useAppStore } from '../../store';

/** Whether the last opened light is about `id`; if so, focuses and shows `ref` on the next frame. */
export function useLightFocus(id: string, ref: RefObject<HTMLElement | null>): boolean {
  const mine = useAppStore((s) => s.lightFocus === id);
  const clear = useAppStore((s) => s.clearLightFocus);
  useEffect(() => {
    if (!mine) return;
    // The app moves the focus to the new screen's heading in the same commit: take it after that.
    const frame = requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.scrollIntoView({ block: 'center' });
      clear();
    });
    return () => cancelAnimationFrame(frame);
  }, [mine, ref, clear]);
  return mine;
}
