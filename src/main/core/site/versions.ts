/** Version strings of site software ("6.1.9", "2.4.7-p1"): comparison. */

function parts(version: string): number[] {
  const [main = '', patch] = version.split('-p');
  const nums = main.split('.').map((n) => Number.parseInt(n, 10) || 0);
  while (nums.length < 4) nums.push(0);
  nums.push(patch ? Number.parseInt(patch, 10) || 0 : 0);
  return nums;
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < pa.length; i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
