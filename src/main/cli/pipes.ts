/**
 * `revision checkup --json | head`: when the reader closes the pipe early, writes fail with EPIPE.
 * The command then stops writing quietly and finishes its work (the checkup is still recorded);
 * no stack trace, no error message on a stream nobody reads.
 */

/** Watches a stream for a closed pipe; `closed()` says whether writing is pointless now. */
export function guardPipe(stream: NodeJS.WriteStream): { closed: () => boolean } {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    closed = true;
    process.exitCode = process.exitCode || 1;
  });
  return { closed: () => closed || stream.destroyed };
}
