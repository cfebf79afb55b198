/**
 * The renderer's content security policy, as pure functions (no Electron import), so the Electron
 * shell and the electron-vite config (development server) share them.
 */

/**
 * The strictest content security policy of the renderer: nothing from outside the app, no inline
 * script, no eval, no network. The renderer's index.html carries its own (as strict) as a meta tag.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Whether a policy is as strict as the app requires: nothing by default, scripts only from the
 * app's own files, no inline script or eval, no remote source anywhere.
 */
export function isStrictPolicy(policy: string): boolean {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0]?.toLowerCase() ?? '', parts.slice(1)] as const),
  );
  const sources = [...directives.values()].flat();
  if (directives.get('default-src')?.join(' ') !== "'none'") return false;
  if (directives.get('script-src')?.join(' ') !== "'self'") return false;
  return !sources.some(
    (s) =>
      /^'unsafe-(inline|eval|hashes)'$|^'wasm-unsafe-eval'$|^\*$|^(https?|wss?|ftp|file|blob|filesystem):/i.test(
        s,
      ) ||
      (/\./.test(s) && !s.startsWith("'")),
  );
}

/** The policy of a page's `<meta http-equiv="Content-Security-Policy">`, or null. */
export function policyFromHtml(html: string): string | null {
  const tag = /<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0];
  const content = tag ? /content=(["'])(.*?)\1/i.exec(tag)?.[2] : undefined;
  return content?.trim() ? content.trim() : null;
}

/**
 * The policy sent as a header: the page's own meta policy (the renderer may add, say, the hash
 * of an inline style), as long as it is strict; otherwise the app's strict default.
 */
export function headerPolicy(html: string | null): string {
  const fromPage = html ? policyFromHtml(html) : null;
  return fromPage && isStrictPolicy(fromPage) ? fromPage : CONTENT_SECURITY_POLICY;
}

/**
 * The policy while developing with `npm run dev`: the same, except that styles may be inline,
 * because the Vite dev server injects CSS as <style> elements. Scripts stay 'self' only. Never
 * used for the built app.
 */
export function devPolicy(policy: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  const index = directives.findIndex((d) => /^style-src(\s|$)/i.test(d));
  if (index === -1) return [...directives, "style-src 'self' 'unsafe-inline'"].join('; ');
  // A hash next to 'unsafe-inline' makes browsers ignore 'unsafe-inline': keep only 'self'.
  directives[index] = "style-src 'self' 'unsafe-inline'";
  return directives.join('; ');
}
