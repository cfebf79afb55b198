/**
 * The website's contrôle technique of the real local WordPress (Debian's package, .ci/wordpress.sh;
 * goal: under 2 s per check), read over loopback through the live Host: first check, then the
 * median of 5. Skipped, with a line saying so, when the wordpress package is not installed.
 */
import { startWordPress, wordpressInstalled } from '../tests/support/wordpress';
import { createLiveHost } from '../src/main/core/exec/live-host';
import { checkSite } from '../src/main/core/site/check';

/** Prints the time of a site check of the local WordPress, and how many requests it made. */
export async function run(): Promise<void> {
  if (!wordpressInstalled()) {
    console.log('site check: skipped (Debian package wordpress not installed; see .ci/wordpress.sh)');
    return;
  }
  const wp = await startWordPress();
  try {
    const times: number[] = [];
    let requests = 0;
    for (let i = 0; i < 6; i += 1) {
      const started = performance.now();
      const report = await checkSite(wp.url, {
        host: createLiveHost(),
        now: new Date(),
        lang: 'fr',
        appVersion: 'bench',
        allowLocal: true,
      });
      times.push(performance.now() - started);
      requests = report.requests.length;
    }
    const [first, ...rest] = times;
    const median = rest.sort((a, b) => a - b)[Math.floor(rest.length / 2)]!;
    console.log(
      `site check of the local WordPress (${wp.url}): first ${Math.round(first!)} ms, median of 5 ${Math.round(median)} ms (goal < 2000 ms), ${requests} requests`,
    );
  } finally {
    await wp.stop();
  }
}
