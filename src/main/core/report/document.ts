/**
 * The carnet d'entretien as a pdfmake document definition: cover, one page per device,
 * business software, missions, history, sign-off, and the prestataire's technical annex.
 * Every text comes from the model (already in the report's language) or the `report:` locale.
 */
import type { MachineFacts } from '../../../shared/facts';
import { getT } from '../i18n';
import { programsAnnex } from './programs-section';
import { FONT_FAMILY } from './render';
import { sitePages } from './site-section';
import { formatDay, registerPage } from './register-page';
import {
  formatDate,
  formatDateTime,
  openCount,
  shorten,
  type ChecklistItem,
  type ReportModel,
  type VoyantState,
} from './model';

/** A piece of pdfmake content (kept loose: pdfmake ships no typings). */
export type Content = string | Record<string, unknown> | Content[];

/** A checkup older than this is flagged on the cover. */
const STALE_DAYS = 7;

const BOX_TODO = '☐';
const BOX_DONE = '✓';

const colors: Record<VoyantState, string> = {
  ok: '#1b6e20',
  attention: '#9a5200',
  danger: '#b71c1c',
  unknown: '#4a4a4a',
  declared: '#0d47a1',
  todo: '#9a5200',
};

/** Table borders: a rule under the header, hairlines between rows. */
const tableLayout = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
    i === 0 || i === node.table.body.length ? 0.6 : i === 1 ? 0.8 : 0.3,
  vLineWidth: () => 0,
  hLineColor: () => '#9e9e9e',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

/** Checklists: no borders, a little air between items. */
const checklistLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (i: number) => (i === 0 ? 0 : 4),
  paddingRight: () => 0,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

function stateLabel(model: ReportModel, state: VoyantState): string {
  return getT(model.lang)(`report:states.${state}`);
}

/** A voyant: a coloured disc and the state in words (never colour alone). */
function voyant(model: ReportModel, state: VoyantState): Content {
  return {
    text: [
      { text: '● ', color: colors[state] },
      { text: stateLabel(model, state), bold: true, color: colors[state] },
    ],
  };
}

/** « Voyant : ● À corriger » on one line. */
function voyantLine(model: ReportModel, state: VoyantState): Record<string, unknown> {
  const t = getT(model.lang);
  return {
    text: [
      `${t('report:cover.state')}${sep(model)}`,
      { text: '● ', color: colors[state] },
      { text: stateLabel(model, state), bold: true, color: colors[state] },
    ],
  };
}

/** The label separator: French puts a space before the colon. */
function sep(model: ReportModel): string {
  return model.lang === 'fr' ? ' : ' : ': ';
}

function headerCell(text: string): Content {
  return { text, bold: true, fillColor: '#eeeeee' };
}

function table(
  widths: (string | number)[],
  header: string[],
  rows: Content[][],
  extra: Record<string, unknown> = {},
): Content {
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, widths, body: [header.map(headerCell), ...rows] },
    layout: tableLayout,
    fontSize: 8.5,
    margin: [0, 4, 0, 10],
    ...extra,
  };
}

function checklist(items: readonly ChecklistItem[], lang: ReportModel['lang']): Content[] {
  const t = getT(lang);
  if (items.length === 0) return [];
  // One borderless table per list (box | text) lays out several times faster than columns per item.
  return [
    {
      table: {
        widths: [14, '*'],
        body: items.map((item) => [
          { text: item.done ? BOX_DONE : BOX_TODO, fontSize: 12, color: item.done ? colors.ok : '#000000' },
          {
            text: [
              { text: item.title, bold: true },
              ...(item.done && item.doneAt
                ? [
                    {
                      text: ` — ${t('report:device.doneOn', { date: formatDate(item.doneAt, lang) })}`,
                      color: '#555555',
                    },
                  ]
                : []),
              ...(item.detail ? [{ text: `\n${item.detail}`, color: '#333333' }] : []),
            ],
          },
        ]),
      },
      layout: checklistLayout,
      margin: [0, 2, 0, 4],
    },
  ];
}

function cover(model: ReportModel): Content[] {
  const t = getT(model.lang);
  const p = model.provider;
  const providerLine = p.name || t('report:providerNone');
  const contact = [p.email, p.phone].filter(Boolean).join(' · ');
  const checkedAt = model.computer.checkup ? new Date(model.computer.checkup.generatedAt) : null;
  const checkedOk = checkedAt !== null && !Number.isNaN(checkedAt.getTime());
  // A carnet made from an old checkup says so: the state it shows may have changed since.
  const stale = checkedOk && model.generatedAt.getTime() - checkedAt.getTime() > STALE_DAYS * 86_400_000;
  const lastCheckup: Content = !checkedOk
    ? { text: t('report:cover.noCheckup'), bold: true, color: colors.unknown }
    : stale
      ? {
          text: [
            formatDateTime(model.computer.checkup!.generatedAt, model.lang),
            {
              text: ` — ${t('report:cover.stale', { days: STALE_DAYS })}`,
              bold: true,
              color: colors.attention,
            },
          ],
        }
      : formatDateTime(model.computer.checkup!.generatedAt, model.lang);
  const summaryRows: Content[][] = [
    [
      { text: `${t('report:kinds.this-computer')} (${shorten(model.computer.name, 80)})` },
      voyant(model, model.computer.state),
      { text: String(model.computer.open), alignment: 'right' },
    ],
    ...model.devices.map((d) => [
      { text: `${d.kindLabel}${sep(model)}${shorten(d.device.name || t('report:device.unnamed'), 120)}` },
      voyant(model, d.state),
      { text: String(d.open), alignment: 'right' },
    ]),
  ];
  return [
    { text: t('report:title'), style: 'title' },
    { text: t('report:subtitle'), style: 'subtitle' },
    {
      table: {
        widths: [110, '*'],
        body: [
          [
            { text: t('report:cover.company'), bold: true },
            { text: model.company, fontSize: 13, bold: true },
          ],
          [{ text: t('report:cover.date'), bold: true }, formatDate(model.generatedAt, model.lang, 'long')],
          [{ text: t('report:cover.provider'), bold: true }, providerLine],
          [{ text: t('report:cover.lastCheckup'), bold: true }, lastCheckup],
          ...(contact ? [[{ text: t('report:cover.providerContact'), bold: true }, contact]] : []),
        ],
      },
      layout: 'noBorders',
      margin: [0, 10, 0, 14],
    },
    { text: t('report:cover.intro'), margin: [0, 0, 0, 12] },
    { text: t('report:cover.summary'), style: 'h2' },
    table(
      ['*', 150, 60],
      [t('report:cover.device'), t('report:cover.state'), t('report:cover.open')],
      summaryRows,
    ),
    { text: t('report:cover.openTotal', { count: openCount(model) }), bold: true, margin: [0, 0, 0, 12] },
    { text: t('report:cover.legend'), fontSize: 8, color: '#444444', margin: [0, 0, 0, 10] },
    { text: t('report:cover.warning'), italics: true, margin: [0, 6, 0, 0] },
  ];
}

function computerPage(model: ReportModel): Content[] {
  const t = getT(model.lang);
  const c = model.computer;
  const out: Content[] = [
    { text: t('report:thisComputer.heading', { name: c.name }), style: 'h1', pageBreak: 'before' },
  ];
  if (!c.checkup) {
    out.push(voyant(model, 'unknown'));
    out.push({ text: t('report:thisComputer.noCheckup'), margin: [0, 8, 0, 4] });
    if (c.checkupError)
      out.push({
        text: t('report:thisComputer.noCheckupReason', { reason: c.checkupError }),
        color: '#444444',
      });
    out.push(
      ...checklist(
        [{ done: false, doneAt: null, title: t('report:signoff.runCheckup'), detail: '' }],
        model.lang,
      ),
    );
    return out;
  }
  out.push({
    text: t('report:thisComputer.checkedOn', { date: formatDateTime(c.checkup.generatedAt, model.lang) }),
    color: '#444444',
  });
  out.push({
    text: c.os ? t('report:thisComputer.system', { os: c.os }) : t('report:thisComputer.systemUnknown'),
    color: '#444444',
  });
  if (c.checkup.mode === 'replay')
    out.push({ text: t('report:thisComputer.replay'), color: '#444444', italics: true });
  out.push({ ...voyantLine(model, c.state), margin: [0, 6, 0, 6] });
  out.push({ text: t('report:thisComputer.findings'), style: 'h2' });
  if (c.findings.length === 0) {
    out.push({ text: t('report:thisComputer.noFindings') });
    return out;
  }
  for (const f of c.findings) {
    const done = f.state === 'ok';
    out.push({
      columns: [
        { text: done ? BOX_DONE : BOX_TODO, width: 16, fontSize: 12, color: done ? colors.ok : '#000000' },
        {
          width: '*',
          stack: [
            {
              text: [
                { text: f.title, bold: true },
                { text: '   ' },
                { text: `● ${stateLabel(model, f.state)}`, color: colors[f.state], fontSize: 8.5 },
              ],
            },
            ...(f.detail ? [{ text: f.detail, color: '#333333' }] : []),
            ...(!done && f.action ? [{ text: `→ ${f.action}` }] : []),
          ],
        },
      ],
      unbreakable: true,
      margin: [0, 4, 0, 4],
    });
  }
  return out;
}

function devicePages(model: ReportModel): Content[] {
  const t = getT(model.lang);
  return model.devices.flatMap((d) => {
    const fullName = d.device.name || t('report:device.unnamed');
    const name = shorten(fullName, 160);
    const done = d.items.filter((i) => i.done).length;
    const page: Content[] = [
      { text: t('report:device.heading', { kind: d.kindLabel, name }), style: 'h1', pageBreak: 'before' },
      ...(name !== fullName.trim()
        ? [{ text: fullName, fontSize: 7.5, color: '#444444', margin: [0, 0, 0, 4] }]
        : []),
      {
        text: t('report:device.addedOn', { date: formatDate(d.device.addedAt, model.lang) }),
        color: '#444444',
      },
      { ...voyantLine(model, d.state), margin: [0, 6, 0, 2] },
      { text: t('report:device.notChecked'), fontSize: 8.5, color: '#444444', margin: [0, 0, 0, 6] },
    ];
    const intro = t(`guides:devices.${d.device.kind}.intro`, { defaultValue: '' });
    if (intro) page.push({ text: intro, margin: [0, 0, 0, 4] });
    if (d.device.schedule)
      page.push({
        text: t('report:device.schedule', { schedule: t(`report:schedules.${d.device.schedule}`) }),
      });
    if (d.device.notes)
      page.push({ text: t('report:device.notes', { notes: d.device.notes }), margin: [0, 2, 0, 4] });
    page.push({ text: t('report:device.stepsTitle'), style: 'h2' });
    page.push({
      text: t('report:device.progress', { count: done, total: d.items.length }),
      color: '#444444',
      margin: [0, 0, 0, 4],
    });
    page.push(checklist(d.items, model.lang));
    return page;
  });
}

function softwarePage(model: ReportModel): Content[] {
  const t = getT(model.lang);
  const out: Content[] = [
    { text: t('report:software.heading'), style: 'h1', pageBreak: 'before' },
    { text: t('report:software.intro'), margin: [0, 0, 0, 6] },
  ];
  if (model.software.length === 0) {
    out.push(
      ...checklist([{ done: false, doneAt: null, title: t('report:software.none'), detail: '' }], model.lang),
    );
    return out;
  }
  const rows = model.software.map((s) => [
    { text: shorten(s.name, 300), bold: s.critical },
    s.version ? shorten(s.version, 80) : { text: t('report:software.versionUnknown'), italics: true },
    t(`report:software.categories.${s.category}`),
    shorten([s.vendor, s.vendorContact].filter(Boolean).join(' — '), 400),
    s.critical ? { text: t('report:software.yes'), bold: true } : t('report:software.no'),
    { text: t('report:software.checkVendor'), italics: true },
    s.lastTestedAt ? formatDate(s.lastTestedAt, model.lang) : t('report:software.neverTested'),
  ]);
  out.push(
    table(
      ['*', 60, 60, '*', 30, 62, 52],
      [
        t('report:software.name'),
        t('report:software.version'),
        t('report:software.category'),
        t('report:software.vendor'),
        t('report:software.critical'),
        t('report:software.latest'),
        t('report:software.tested'),
      ],
      rows,
    ),
  );
  return out;
}

function missionsAndHistory(model: ReportModel): Content[] {
  const t = getT(model.lang);
  const out: Content[] = [{ text: t('report:missions.heading'), style: 'h1', pageBreak: 'before' }];
  for (const m of model.missions) {
    out.push({
      text: `${m.title} — ${t('report:missions.progress', { done: m.done, total: m.total })}`,
      style: 'h3',
    });
    const goal = t(`guides:missions.${m.id}.goal`, { defaultValue: '' });
    if (goal) out.push({ text: goal, color: '#444444', margin: [0, 0, 0, 2] });
    out.push(
      checklist(
        m.tasks.map((task) => ({
          done: task.done,
          doneAt: task.done ? task.at : null,
          title: task.title,
          detail: '',
        })),
        model.lang,
      ),
    );
  }
  out.push({ text: t('report:history.heading'), style: 'h1', margin: [0, 16, 0, 6] });
  if (model.history.length === 0) {
    out.push({ text: t('report:history.none') });
  } else {
    out.push(
      table(
        [78, '*', 70],
        [t('report:history.date'), t('report:history.what'), t('report:history.by')],
        model.history.map((h) => [
          formatDateTime(h.at, model.lang),
          {
            text: [
              { text: `${t(`report:history.kinds.${h.kind}`, { defaultValue: h.kind })} — `, bold: true },
              shorten(h.text, 600),
            ],
          },
          shorten(h.by, 60),
        ]),
      ),
    );
  }
  return out;
}

function signoff(model: ReportModel): Content[] {
  const t = getT(model.lang);
  const out: Content[] = [
    { text: t('report:signoff.heading'), style: 'h1', pageBreak: 'before' },
    { text: t('report:signoff.intro'), margin: [0, 0, 0, 6] },
  ];
  if (model.actions.length === 0) {
    out.push({ text: t('report:signoff.none') });
  } else {
    out.push(
      table(
        [14, '*', 80, 58, 58],
        [
          '',
          t('report:signoff.action'),
          t('report:signoff.who'),
          t('report:signoff.due'),
          t('report:signoff.done'),
        ],
        model.actions.map((a) => [
          a.doneAt ? { text: BOX_DONE, fontSize: 11, color: colors.ok } : { text: BOX_TODO, fontSize: 11 },
          shorten(a.device ? `${a.device}${sep(model)}${a.text}` : a.text, 700),
          shorten(a.who, 120),
          a.due ? formatDay(a.due, model.lang) : '',
          a.doneAt ? formatDate(a.doneAt, model.lang) : '',
        ]),
        { dontBreakRows: true },
      ),
    );
  }
  const signatureBox = (label: string): Content => ({
    stack: [
      { text: label, bold: true, fontSize: 8.5 },
      { canvas: [{ type: 'rect', x: 0, y: 4, w: 240, h: 70, lineColor: '#777777' }] },
    ],
  });
  out.push({
    columns: [
      signatureBox(t('report:signoff.forCompany', { company: shorten(model.company, 80) })),
      signatureBox(
        t('report:signoff.forProvider', {
          provider: shorten(model.provider.name || t('report:providerNone'), 80),
        }),
      ),
    ],
    columnGap: 20,
    margin: [0, 16, 0, 0],
    unbreakable: true,
  });
  return out;
}

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

function keyValues(model: ReportModel, rows: [string, unknown][]): Content {
  return {
    table: { widths: [130, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, valueText(model, v)]) },
    layout: tableLayout,
    fontSize: 8.5,
    margin: [0, 2, 0, 8],
  };
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

/** Longest table kept on one page with its heading (longer ones split, with repeated headers). */
const KEEP_TABLE_ROWS = 30;

/**
 * Keeps each small heading on the same page as what follows it (a heading alone at the bottom of
 * a page reads as a mistake). Only small blocks are glued: long tables must split across pages.
 */
function keepHeadingsWithNext(nodes: Content[]): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < nodes.length; i += 1) {
    const node = nodes[i];
    const next = nodes[i + 1];
    const isHeading = (n: Content | undefined) =>
      !!n && typeof n === 'object' && !Array.isArray(n) && (n.style === 'h3' || n.keepWithNext === true);
    const rows = (n: Content) => (n as { table?: { body?: unknown[] } }).table?.body?.length ?? 0;
    if (isHeading(node) && next !== undefined && !isHeading(next) && rows(next) <= KEEP_TABLE_ROWS) {
      out.push({ stack: [node as Content, next], unbreakable: true });
      i += 1;
    } else {
      out.push(node as Content);
    }
  }
  return out;
}

function annex(model: ReportModel): Content[] {
  const t = getT(model.lang);
  const report = model.computer.checkup;
  const out: Content[] = [{ text: t('report:annex.heading'), style: 'h1', pageBreak: 'before' }];
  if (!report) {
    out.push({ text: t('report:annex.noCheckup'), margin: [0, 0, 0, 8] });
  } else {
    // The saved checkup may come from another version of the app: a part that cannot be read
    // is said so, and the rest of the carnet is still printed.
    const annexOut: Content[] = [];
    try {
      const facts = (report.facts ?? {}) as MachineFacts;
      annexOut.push({
        text: t('report:annex.intro', {
          date: formatDateTime(report.generatedAt, model.lang),
          mode: report.mode,
          version: report.appVersion,
        }),
        color: '#444444',
        margin: [0, 0, 0, 6],
      });
      const os = facts.os;
      annexOut.push({ text: t('report:annex.os'), style: 'h3' });
      annexOut.push(
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
        annexOut.push({ text: t('report:annex.hardware'), style: 'h3' });
        annexOut.push(
          keyValues(model, [
            [t('report:annex.model'), [h.manufacturer, h.model].filter(Boolean).join(' ') || null],
            ['CPU', h.cpu],
            ['RAM', h.memoryBytes ? `${Math.round(h.memoryBytes / 1024 ** 3)} GiB` : null],
          ]),
        );
      }
      const au = facts.autoUpdates;
      annexOut.push({ text: t('report:annex.autoUpdates'), style: 'h3' });
      if (au) {
        annexOut.push(
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
          annexOut.push({ text: t('report:annex.settingsRead'), bold: true, keepWithNext: true });
          annexOut.push(
            table(
              ['*', 150],
              [t('report:annex.source'), t('report:annex.value')],
              au.settings.map((s) => [shorten(s.source, 400), valueText(model, s.value)]),
            ),
          );
        }
      } else {
        annexOut.push({ text: t('report:annex.unknownValue'), margin: [0, 0, 0, 6] });
      }
      annexOut.push({ text: t('report:annex.lastUpdate'), style: 'h3' });
      annexOut.push(
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
      annexOut.push({ text: t('report:annex.pending'), style: 'h3' });
      if (pending) {
        annexOut.push({
          text: t('report:annex.pendingCount', {
            total: pending.total,
            security: pending.security ?? t('report:annex.unknownValue'),
            source: pending.source,
          }),
          margin: [0, 0, 0, 4],
        });
        if (pending.items.length > 0) {
          annexOut.push(
            table(
              ['*', 120, 50],
              [t('report:annex.package'), t('report:annex.osVersion'), t('report:annex.security')],
              pending.items.map((i) => [shorten(i.name, 300), i.version ?? '', yesNo(model, i.security)]),
            ),
          );
        }
      } else {
        annexOut.push({ text: t('report:annex.unknownValue'), margin: [0, 0, 0, 6] });
      }
      const reboot = facts.reboot;
      annexOut.push({ text: t('report:annex.reboot'), style: 'h3' });
      annexOut.push(
        keyValues(model, [
          [t('report:annex.reboot'), reboot ? reboot.required : null],
          ...(reboot?.signals ?? []).map((s): [string, unknown] => [s.name, s.present]),
          ...(reboot?.causes?.length ? [['', reboot.causes.join(', ')] as [string, unknown]] : []),
        ]),
      );
      const av = facts.antivirus;
      annexOut.push({ text: t('report:annex.antivirus'), style: 'h3' });
      if (!av) {
        annexOut.push({ text: t('report:annex.unknownValue'), margin: [0, 0, 0, 6] });
      } else if (av.products.length === 0) {
        annexOut.push({ text: t('report:annex.noAntivirus'), margin: [0, 0, 0, 6] });
      } else {
        annexOut.push(
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
      annexOut.push({ text: t('report:annex.firewall'), style: 'h3' });
      annexOut.push(
        keyValues(model, [
          [t('report:annex.firewall'), fw ? fw.enabled : null],
          [t('report:annex.source'), fw?.tool],
          ...(fw?.profiles ?? []).map((p): [string, unknown] => [p.name, p.enabled]),
        ]),
      );

      const reasons = report.findings.filter((f) => f.reason);
      if (reasons.length > 0) {
        annexOut.push({ text: t('report:annex.findingsTech'), style: 'h3' });
        annexOut.push(
          table(
            [90, '*'],
            [t('report:annex.probe'), t('report:annex.error')],
            reasons.map((f) => [f.id, shorten(f.reason ?? '', 600)]),
          ),
        );
      }
      annexOut.push({ text: t('report:annex.probes'), style: 'h3' });
      annexOut.push(
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

      out.push(...keepHeadingsWithNext(annexOut));
    } catch {
      out.push(...annexOut, { text: t('report:annex.unreadable'), italics: true, margin: [0, 4, 0, 8] });
    }
  }

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
          `${c.kind}${c.schedule ? ` (${c.schedule})` : ''}\n${shorten(c.id, 60)}\n${shorten(c.by, 40)}`,
          formatDateTime(c.appliedAt, model.lang),
          c.undoneAt ? formatDateTime(c.undoneAt, model.lang) : '',
          { text: c.operations.map((op) => describeOperation(model, op)).join('\n'), fontSize: 7 },
        ]),
      ),
    );
  }

  out.push(...programsAnnex(report, model.lang, model.inventoryCsv ?? null));
  return keepHeadingsWithNext(out);
}

/** Builds the whole document definition of the carnet. */
export function buildDocument(model: ReportModel): Record<string, unknown> {
  const t = getT(model.lang);
  const dateShort = formatDate(model.generatedAt, model.lang);
  const footerCompany = shorten(model.company, 60);
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 46],
    info: {
      title: `${t('report:title')} — ${shorten(model.company, 120)}`,
      author: shorten(model.company, 120),
      creator: 'Révision',
      producer: 'Révision',
    },
    language: model.lang === 'fr' ? 'fr-FR' : 'en-GB',
    defaultStyle: { font: FONT_FAMILY, fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 24, bold: true, margin: [0, 60, 0, 4] },
      subtitle: { fontSize: 12, color: '#444444', margin: [0, 0, 0, 8] },
      h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
    },
    footer: (page: number, pages: number) => ({
      text: t('report:footer', { company: footerCompany, date: dateShort, page, pages }),
      fontSize: 7.5,
      color: '#555555',
      alignment: 'center',
      margin: [40, 16, 40, 0],
    }),
    content: [
      ...cover(model),
      ...computerPage(model),
      ...devicePages(model),
      ...sitePages(model.sites, model.lang),
      ...softwarePage(model),
      ...registerPage(model, table),
      ...missionsAndHistory(model),
      ...signoff(model),
      ...annex(model),
    ],
  };
}
