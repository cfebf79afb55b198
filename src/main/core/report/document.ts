/**
 * The carnet d'entretien as a pdfmake document definition: cover, one page per device,
 * business software, missions, history, sign-off, and the prestataire's technical annex.
 * Every text comes from the model (already in the report's language) or the `report:` locale.
 */
import { getT } from '../i18n';
import { FONT_FAMILY } from './render';
import { sitePages } from './site-section';
import { formatDay, registerPage } from './register-page';
import { formatDate, formatDateTime, openCount, shorten, type ReportModel } from './model';

import { annex } from './annex-section';
import {
  BOX_DONE,
  BOX_TODO,
  checklist,
  colors,
  sep,
  stateLabel,
  table,
  voyant,
  voyantLine,
  type Content,
} from './pdf-parts';

export type { Content } from './pdf-parts';

/** A checkup older than this is flagged on the cover. */
const STALE_DAYS = 7;

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
