/** The support status of an operating system, looked up in the bundled end-of-life data. */

/** Where a release stands. */
export type SupportStatus =
  /** Maintained by its vendor. */
  | 'supported'
  /** Regular support over; security fixes continue under extended support. */
  | 'extended'
  /** No more security fixes. */
  | 'ended'
  /** The release could not be matched in the data. */
  | 'unknown';

/** What the end-of-life data says about one OS release. */
export interface SupportInfo {
  /** endoflife.date product ("windows", "debian", "macos"…). */
  readonly product: string;
  /** Matched release cycle ("10-22h2-w", "12", "14"); null when unmatched. */
  readonly cycle: string | null;
  /** Human label of the cycle ("10 22H2 (W)", "12 (Bookworm)"). */
  readonly label: string | null;
  /** End of regular security support, ISO date; null when none is announced. */
  readonly endOfSupport: string | null;
  /** End of extended security support, ISO date, when it exists. */
  readonly endOfExtendedSupport: string | null;
  /**
   * Whether extended support reaches the machine with nothing to do (Debian LTS), or needs an
   * enrolment or a contract (Windows ESU, Ubuntu Pro): then the app must say what to do.
   */
  readonly extendedAutomatic: boolean;
  readonly status: SupportStatus;
  /** Latest version of the cycle, when given. */
  readonly latest: string | null;
  /**
   * Extended-security programmes that exist for this release (Windows 10 ESU), open or closed at `now`,
   * so the owner is told precisely whether one can still cover the machine, until when, and at what cost.
   * Absent for releases without such a programme.
   */
  readonly extendedOptions?: readonly ExtendedSupportOption[];
}

/** One extended-security programme (Windows ESU) and whether it still covers the release at `now`. */
export interface ExtendedSupportOption {
  /** 'consumer-esu': Windows 10 ESU for individuals; 'business-esu': paid per device and per year, for organisations. */
  readonly kind: 'consumer-esu' | 'business-esu';
  /** Last day covered, ISO date. */
  readonly endsOn: string;
  /** Whether enrolment costs money (consumer ESU is free in the EEA with a Microsoft account). */
  readonly paid: boolean;
  /** Whether the programme still covers the release at `now`. */
  readonly open: boolean;
  /** Whether this machine's edition and management allow it (consumer ESU: not for domain-joined or managed PCs). */
  readonly eligible: boolean | null;
}

/** Status of a release from its dates, at `now`. */
export function statusFromDates(
  endOfSupport: string | boolean | null | undefined,
  endOfExtendedSupport: string | null | undefined,
  now: Date,
): SupportStatus {
  const today = now.toISOString().slice(0, 10);
  if (endOfSupport === false || endOfSupport === null || endOfSupport === undefined) return 'supported';
  if (endOfSupport === true) {
    return endOfExtendedSupport && endOfExtendedSupport > today ? 'extended' : 'ended';
  }
  if (endOfSupport > today) return 'supported';
  if (endOfExtendedSupport && endOfExtendedSupport > today) return 'extended';
  return 'ended';
}
