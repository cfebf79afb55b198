/** A fixed-window rate limit per key (machine id, client address), in memory, bounded in size. */

/** Creates a limiter: `take(key)` returns 0 when allowed, else the seconds to wait. */
export function createRateLimiter(options: {
  max: number;
  windowMs: number;
  maxKeys?: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key: string): number {
      const t = now();
      let w = windows.get(key);
      if (!w || t - w.start >= options.windowMs) {
        // Keep memory bounded: forget the oldest windows first (Map keeps insertion order).
        if (!w && windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        w = { start: t, count: 0 };
        windows.delete(key);
        windows.set(key, w);
      }
      w.count += 1;
      return w.count <= options.max ? 0 : Math.ceil((w.start + options.windowMs - t) / 1000);
    },
  };
}

/** A rate limiter. */
export type RateLimiter = ReturnType<typeof createRateLimiter>;
