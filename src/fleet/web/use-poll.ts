/** Loads a resource and reloads it every few seconds, so the page follows the reports as they arrive. */
import { useEffect, useState } from 'react';
import { ApiError, get } from './api';

/** The latest answer, or the error (French) of the latest attempt. */
export function usePoll<T>(url: string, everyMs = 5000): { data: T | null; error: ApiError | null } {
  const [state, setState] = useState<{ url: string; data: T | null; error: ApiError | null }>({
    url,
    data: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const data = await get<T>(url);
        if (live) setState({ url, data, error: null });
      } catch (err) {
        if (live)
          setState((s) => ({
            url,
            data: s.url === url ? s.data : null,
            error: err instanceof ApiError ? err : new ApiError(String(err), 0, 'unexpected'),
          }));
      }
      if (live) timer = setTimeout(() => void load(), everyMs);
    };
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [url, everyMs]);
  return state.url === url ? { data: state.data, error: state.error } : { data: null, error: null };
}
