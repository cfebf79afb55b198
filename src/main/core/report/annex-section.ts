/** The prestataire's technical annex of the carnet: the checkup's facts, findings, changes and programs. */
import type { MachineFacts } from '../../../shared/facts';
import { getT } from '../i18n';
import { programsAnnex } from './programs-section';
import { formatDateTime, personName, shorten, type ReportModel } from './model';
import { fixedWidths } from './layout';
import { table, tableLayout, type Content } from './pdf-parts';
import { grid } from './tables';

function yesNo(model: ReportModel, value: boolean | null | undefined): string {
  const t = getT(model.lang);
  if (value === null || value === undefined) return t('report:annex.unknownValue');
  return value ? t('report:annex.yes') : t('report:annex.no');
}

function valueText(model: ReportModel, value: unknown): string {
  if (value === null || value === undefined || value === '')
    return getT(model.lang)('report:annex.unknownValue');
  if (typeof value === 'boolean') return yesNo(model, value);
  return shorten(typeof value === 'string' ? value : JSON.stringify(value), 400);
}

const KV_WIDTHS = fixedWidths([130, '*']);

function keyValues(model: ReportModel, rows: [string, unknown][]): Content {
  const body = rows.map(([k, v]) => [{ text: k, bold: true }, valueText(model, v)]);
  return grid(KV_WIDTHS, null, body, tableLayout, { fontSize: 8.5, margin: [0, 2, 0, 8] });
}

/** One undo record line: what was changed and the value before, e.g. « registry-set HKLM\…\AU NoAutoUpdate = 0 — avant : {…} ». */
function describeOperation(model: ReportModel, record: Record<string, unknown>): string {
  const t = getT(model.lang);
  const op = record.op;
  if (!op || typeof op !== 'object') return shorten(JSON.stringify(record), 500);
  const o = op as Record<string, unknown>;
  const target = [o.path, o.key, o.name, o.domain, o.command, o.section]
    .filter((v) => typeof v === 'string' && v)
    .join(' ');
  const value = o.data ?? o.value ?? o.content;
  const what = `${String(o.op ?? '?')} ${target}${value !== undefined ? ` = ${shorten(typeof value === 'string' ? value : JSON.stringify(value), 120)}` : ''}`;
  const status = typeof record.status === 'string' ? ` [${record.status}]` : '';
  const before =
    record.previous !== undefined
      ? ` — ${t('report:annex.before')} ${shorten(JSON.stringify(record.previous), 300)}`
      : '';
  return shorten(`${what}${status}${before}`, 600);
}

const PENDING_PER_ROW = 3;
const PENDING_WIDTHS = fixedWidths(Array.from({ length: PENDING_PER_ROW }, () => ['*', 70]).flat());

/** Pending updates in a compact grid (three per row, security ones in bold): 134 packages fit on one page. */
function pendingGrid(
  model: ReportModel,
  items: readonly { name: string; version?: string | null; security?: boolean | null }[],
): Content[] {
  const t = getT(model.lang);
  const w = PENDING_WIDTHS;
  const rows: Content[][] = [];
  for (let i = 0; i < items.length; i += PENDING_PER_ROW) {
    const row: Content[] = [];
    for (let j = 0; j < PENDING_PER_ROW; j += 1) {
      const item = items[i + j];
      const bold = item?.security === true;
      // Package names and versions wrap inside their fixed column (pdfmake breaks a word too long for it).
      row.push(item ? { text: item.name, bold } : '');
      row.push(item?.version ?? '');
    }
    rows.push(row);
  }
  const header = Array.from({ length: PENDING_PER_ROW }, () => [
    t('report:annex.package'),
    t('report:annex.osVersion'),
  ]).flat();
  return [
    { text: t('report:annex.pendingLegend'), fontSize: 7.5, color: '#444444' },
    table(w, header, rows, { fontSize: 7 }),
  ];
}

type Report = NonNullable<ReportModel['computer']['checkup']>;

/** The system and the hardware, as read. */
function systemPart(model: ReportModel, report: Report, facts: MachineFacts, out: Content[]): void {
  const t = getT(model.lang);
  out.push({
    text: t('report:annex.intro', {
      date: formatDateTime(report.generatedAt, model.lang),
      mode: report.mode,
      version: report.appVersion,
    }),
    color: '#444444',
    margin: [0, 0, 0, 6],
  });
  const os = facts.os;
  out.push({ text: t('report:annex.os'), style: 'h3' });
  out.push(
    keyValues(model, [
      [t('report:annex.osName'), os?.name ?? report.machine.os?.name],
      [t('report:annex.osVersion'), os?.version ?? report.machine.os?.version],
      [t('report:annex.osBuild'), os?.build ?? report.machine.os?.build],
      [t('report:annex.osEdition'), os?.editionId ?? os?.edition ?? os?.distroId],
      [t('report:annex.arch'), os?.arch],
      [t('report:annex.hostname'), os?.hostname ?? report.machine.hostname],
      [t('report:annex.server'), os ? os.isServer : report.machine.isServer],
    ]),
  );
  if (facts.hardware) {
    const h = facts.hardware;
    out.push({ text: t('report:annex.hardware'), style: 'h3' });
    out.push(
      keyValues(model, [
        [t('report:annex.model'), [h.manufacturer, h.model].filter(Boolean).join(' ') || null],
        ['CPU', h.cpu],
        ['RAM', h.memoryBytes ? `${Math.round(h.memoryBytes / 1024 ** 3)} GiB` : null],
      ]),
    );
  }
}

/** Automatic updates: the settings read, the last installation, the pending packages. */
function updatesPart(model: ReportModel, facts: MachineFacts, out: Content[]): void {
  const t = getT(model.lang);
  const au = facts.autoUpdates;
  out.push({ text: t('report:annex.autoUpdates'), style: 'h3' });
  if (au) {
    out.push(
      keyValues(model, [
        [t('report:annex.mechanism'), au.mechanism],
        [t('report:annex.enabled'), au.enabled],
        [t('report:annex.managed'), au.managed],
        [t('report:annex.autoReboot'), au.autoReboot],
        [t('report:annex.schedule'), au.schedule ?? au.rebootTime],
        [
          t('report:annex.limits'),
          au.limits && au.limits.length > 0 ? au.limits.join(', ') : t('report:annex.none'),
        ],
      ]),
    );
    if (au.settings.length > 0) {
      out.push({ text: t('report:annex.settingsRead'), bold: true, keepWithNext: true });
      out.push(
        table(
          ['*', 150],
          [t('report:annex.source'), t('report:annex.value')],
          au.settings.map((s) => [shorten(s.source, 400), valueText(model, s.value)]),
        ),
      );
    }
  } else {
    out.push({ text: t('report:annex.unknownValue'), margin: [0, 0, 0, 6] });
  }
  out.push({ text: t('report:annex.lastUpdate'), style: 'h3' });
  out.push(
    keyValues(model, [
      [
        t('report:annex.lastUpdate'),
        facts.lastUpdate?.lastInstalledAt
          ? formatDateTime(facts.lastUpdate.lastInstalledAt, model.lang)
          : null,
      ],
      [t('report:annex.source'), facts.lastUpdate?.source],
    ]),
  );
  const pending = facts.pendingUpdates;
  out.push({ text: t('report:annex.pending'), style: 'h3' });
  if (pending) {
    out.push({
      text: t('report:annex.pendingCount', {
        total: pending.total,
        security: pending.security ?? t('report:annex.unknownValue'),
        source: pending.source,
      }),
      margin: [0, 0, 0, 4],
    });
    if (pending.items.length > 0) out.push(...pendingGrid(model, pending.items));
  } else {
    out.push({ text: t('report:annex.unknownValue'), margin: [0, 0, 0, 6] });
  }
}

/** Restart pending, antivirus, firewall. */
function protectionPart(model: ReportModel, facts: MachineFacts, out: Content[]): void {
  const t = getT(model.lang);
  const reboot = facts.reboot;
  out.push({ text: t('report:annex.reboot'), style: 'h3' });
  out.push(
    keyValues(model, [
      [t('report:annex.reboot'), reboot ? reboot.required : null],
      ...(reboot?.signals ?? []).map((s): [string, unknown] => [s.name, s.present]),
      ...(reboot?.causes?.length ? [['', reboot.causes.join(', ')] as [string, unknown]] : []),
    ]),
  );
  const av = facts.antivirus;
  out.push({ text: t('report:annex.antivirus'), style: 'h3' });
  if (!av) {
    out.push({ text: t('report:annex.unknownValue'), margin: [0, 0, 0, 6] });
  } else if (av.products.length === 0) {
    out.push({ text: t('report:annex.noAntivirus'), margin: [0, 0, 0, 6] });
  } else {
    out.push(
      table(
        ['*', 42, 42, 42, 80, 70],
        [
          t('report:annex.product'),
          t('report:annex.enabled'),
          t('report:annex.realTime'),
          t('report:annex.upToDate'),
          t('report:annex.signatureDate'),
          t('report:annex.signatureVersion'),
        ],
        av.products.map((p) => [
          `${shorten(p.name, 200)} (${p.source})`,
          yesNo(model, p.enabled),
          yesNo(model, p.realTime),
          yesNo(model, p.upToDate),
          p.signatureDate ? formatDateTime(p.signatureDate, model.lang) : t('report:annex.unknownValue'),
          p.signatureVersion ?? '',
        ]),
      ),
    );
  }
  const fw = facts.firewall;
  out.push({ text: t('report:annex.firewall'), style: 'h3' });
  out.push(
    keyValues(model, [
      [t('report:annex.firewall'), fw ? fw.enabled : null],
      [t('report:annex.source'), fw?.tool],
      ...(fw?.profiles ?? []).map((p): [string, unknown] => [p.name, p.enabled]),
    ]),
  );
}

/** Why voyants could not be checked, and every probe's status and time. */
function probesPart(model: ReportModel, report: Report, out: Content[]): void {
  const t = getT(model.lang);
  const reasons = report.findings.filter((f) => f.reason);
  if (reasons.length > 0) {
    out.push({ text: t('report:annex.findingsTech'), style: 'h3' });
    out.push(
      table(
        [90, '*'],
        [t('report:annex.probe'), t('report:annex.error')],
        reasons.map((f) => [f.id, shorten(f.reason ?? '', 600)]),
      ),
    );
  }
  out.push({ text: t('report:annex.probes'), style: 'h3' });
  out.push(
    table(
      [110, 50, 50, '*'],
      [
        t('report:annex.probe'),
        t('report:annex.status'),
        t('report:annex.duration'),
        t('report:annex.error'),
      ],
      report.probes.map((p) => [
        p.id,
        p.status,
        { text: String(p.durationMs), alignment: 'right' },
        shorten(p.error ?? '', 400),
      ]),
    ),
  );
}

/** The changes the app applied, with what undoes them. */
function changesPart(model: ReportModel): Content[] {
  const t = getT(model.lang);
  const out: Content[] = [];
  out.push({ text: t('report:annex.changes'), style: 'h3' });
  if (model.changes.length === 0) {
    out.push({ text: t('report:annex.changesNone'), margin: [0, 0, 0, 6] });
  } else {
    out.push(
      table(
        [90, 70, 70, '*'],
        [
          t('report:annex.changeId'),
          t('report:annex.appliedAt'),
          t('report:annex.undoneAt'),
          t('report:annex.operations'),
        ],
        model.changes.map((c) => [
          `${c.kind}${c.schedule ? ` (${c.schedule})` : ''}\n${shorten(c.id, 60)}\n${shorten(personName(c.by, model.ownerName, model.lang), 40)}`,
          formatDateTime(c.appliedAt, model.lang),
          c.undoneAt ? formatDateTime(c.undoneAt, model.lang) : '',
          { text: c.operations.map((op) => describeOperation(model, op)).join('\n'), fontSize: 7 },
        ]),
      ),
    );
  }
  return out;
}

/** The checkup's facts for the prestataire: system, updates, pending packages, antivirus, firewall, probes, changes, programs. */
export function annex(model: ReportModel): Content[] {
  const t = getT(model.lang);
  const report = model.computer.checkup;
  const out: Content[] = [];
  if (!report) {
    out.push({ text: t('report:annex.noCheckup'), margin: [0, 0, 0, 8] });
  } else {
    // The saved checkup may come from another version of the app: a part that cannot be read
    // is said so, and the rest of the carnet is still printed.
    const read: Content[] = [];
    try {
      const facts = (report.facts ?? {}) as MachineFacts;
      systemPart(model, report, facts, read);
      updatesPart(model, facts, read);
      protectionPart(model, facts, read);
      probesPart(model, report, read);
      out.push(...read);
    } catch {
      out.push(...read, { text: t('report:annex.unreadable'), italics: true, margin: [0, 4, 0, 8] });
    }
  }
  out.push(...changesPart(model));
  out.push(...programsAnnex(report, model.lang, model.inventoryCsv ?? null));
  return out;
}
