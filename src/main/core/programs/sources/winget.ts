/**
 * winget: the programs it can update, from `winget upgrade`'s table. The table has no stable
 * machine format: column widths follow the content, long names are cut with « … », headers are
 * translated (Name/Nom/Nombre, Id/ID, Available/Disponible/Verfügbar, Source/Quelle/Origen) and
 * a spinner or progress bar may precede it. So columns are found by position: the header is the
 * line just above the dashes, each header word starts a column, and the columns are, in every
 * language, name, id, version, available version, then the source (absent with --source).
 */
import type { ProgramUpdate } from '../../../../shared/facts';
import { RunError, type CommandSpec } from '../../exec/host';

/** The command: its own timeout (the first run may build winget's cache for a minute), never interactive. */
export const WINGET_UPGRADE: CommandSpec = {
  id: 'winget upgrade',
  file: 'winget',
  args: ['upgrade', '--include-unknown', '--accept-source-agreements', '--disable-interactivity'],
  timeoutMs: 120_000,
};

/** A winget package id: letters, digits and . + - _ , (never a leading dash: it would read as an option). */
export const WINGET_ID = /^\w[\w.+,-]{0,127}$/;

/** The arguments that update one program silently (`--exact` so an id never matches another package). */
export function wingetUpgradeArgs(id: string): string[] {
  if (!WINGET_ID.test(id))
    throw new RunError('failed', 'winget upgrade', `identifiant winget refusé : ${id}`);
  return [
    'upgrade',
    '--id',
    id,
    '--exact',
    '--silent',
    '--accept-package-agreements',
    '--accept-source-agreements',
    '--disable-interactivity',
  ];
}

function columnStarts(header: string): number[] {
  const starts: number[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(header))) starts.push(m.index);
  return starts;
}

/** A version as winget shows it: "Unknown"/"Inconnu"/"Unbekannt", or "< 10.0" (a range), is no version. */
function versionOrNull(text: string): string | null {
  const v = text.trim();
  if (!v || !/\d/.test(v) || /^[<>]/.test(v) || /\s/.test(v)) return null;
  return v;
}

// Terminal colour and cursor sequences (ESC [ … letter), built from the code point so no control character sits in the source.
const ANSI_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');

/** The last visible state of a line: a spinner rewrites the line with carriage returns. */
function visible(line: string): string {
  const parts = line.split('\r');
  return (parts.at(-1) ?? '').replace(ANSI_ESCAPE, '');
}

/**
 * Parses `winget upgrade`'s output (any language) into the updates it lists. Throws when no
 * table is found and the output does not say there is nothing to update: never « à jour » by default.
 */
export function parseWingetUpgrade(text: string): ProgramUpdate[] {
  const lines = text.split('\n').map(visible);
  const updates: ProgramUpdate[] = [];
  let tables = 0;
  for (let i = 1; i < lines.length; i += 1) {
    if (!/^-{10,}\s*$/.test(lines[i]!)) continue;
    const starts = columnStarts(lines[i - 1]!);
    if (starts.length < 4) continue;
    tables += 1;
    for (let j = i + 1; j < lines.length; j += 1) {
      const row = lines[j]!;
      if (!row.trim() || /^-{10,}/.test(row)) break;
      const cell = (k: number): string => row.slice(starts[k], starts[k + 1] ?? row.length).trim();
      const [name, id, version, available] = [cell(0), cell(1), cell(2), cell(3)];
      // A footer ("6 upgrades available.") or a sentence does not fill the id and available columns.
      if (!name || !/^[\w{][\w.+,\-{}]*$/.test(id) || !versionOrNull(available)) break;
      updates.push({
        name: name.replace(/…$/, ''),
        truncated: name.endsWith('…'),
        id,
        version: versionOrNull(version),
        available: available.trim(),
      });
    }
  }
  if (
    tables === 0 &&
    !/no (available|applicable) upgrade|aucune mise à niveau|keine (verfügbaren|anwendbaren)|no installed package/i.test(
      text,
    )
  ) {
    throw new RunError(
      'failed',
      'winget upgrade',
      'winget upgrade : réponse illisible (aucun tableau reconnu)',
    );
  }
  return updates;
}
