/** Types of scripts/electronegativity.mjs (for the tests). */
export interface Finding {
  readonly check: string;
  readonly file: string;
  readonly line: number;
  readonly severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';
  readonly confidence: string;
  readonly description: string;
}
export interface Allowed {
  readonly check: string;
  readonly file: string;
}
export function scan(input?: string): Promise<Finding[]>;
export function review(
  findings: readonly Finding[],
  allow: readonly Allowed[],
): { above: Finding[]; unexplained: Finding[]; stale: Allowed[] };
