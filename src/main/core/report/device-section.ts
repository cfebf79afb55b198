/**
 * The owner's pages, one per device: this computer (what the checkup found, ☐ / ✓), then each
 * phone, tablet, server or other device of the workspace (the settings the owner ticked).
 */
import { getT } from '../i18n';
import { hasOwnName } from './cover-section';
import { CONTENT_WIDTH, fitText } from './layout';
import { formatDate, formatDateTime, type ReportModel } from './model';
import {
  BOX_DONE,
  BOX_TODO,
  checklist,
  colors,
  shapes,
  stateLabel,
  voyant,
  voyantLine,
  type Content,
} from './pdf-parts';

/** A page title naming a device, fitted to two lines (the full name is in the annex when cut). */
function heading(text: string, full: string): Content {
  return {
    text: fitText(text, CONTENT_WIDTH, { fontSize: 16, bold: true, maxLines: 2, full }),
    style: 'h1',
    pageBreak: 'before',
  };
}

function noCheckup(model: ReportModel): Content[] {
  const t = getT(model.lang);
  const c = model.computer;
  return [
    voyant(model, 'unknown'),
    { text: t('report:thisComputer.noCheckup'), margin: [0, 8, 0, 4] },
    ...(c.checkupError
      ? [{ text: t('report:thisComputer.noCheckupReason', { reason: c.checkupError }), color: '#444444' }]
      : []),
    ...checklist(
      [{ done: false, doneAt: null, title: t('report:signoff.runCheckup'), detail: '' }],
      model.lang,
    ),
  ];
}

function finding(model: ReportModel, f: ReportModel['computer']['findings'][number]): Content {
  const done = f.state === 'ok';
  return {
    columns: [
      { text: done ? BOX_DONE : BOX_TODO, width: 16, fontSize: 12, color: done ? colors.ok : '#000000' },
      {
        width: '*',
        stack: [
          {
            text: [
              { text: f.title, bold: true },
              { text: '   ' },
              {
                text: `${shapes[f.state]} ${stateLabel(model, f.state)}`,
                color: colors[f.state],
                fontSize: 8.5,
              },
            ],
          },
          ...(f.detail ? [{ text: f.detail, color: '#333333' }] : []),
          ...(!done && f.action ? [{ text: `→ ${f.action}` }] : []),
        ],
      },
    ],
    unbreakable: true,
    margin: [0, 4, 0, 4],
  };
}

/** This computer's page: its name, the checkup's date and system, its voyant, and each finding. */
export function computerPage(model: ReportModel): Content[] {
  const t = getT(model.lang);
  const c = model.computer;
  const out: Content[] = [heading(t('report:thisComputer.heading', { name: c.label }), c.label)];
  if (!c.checkup) return [...out, ...noCheckup(model)];
  const grey = (text: string): Content => ({ text, color: '#444444' });
  if (hasOwnName(model))
    out.push(
      grey(fitText(t('report:thisComputer.machineName', { name: c.name }), CONTENT_WIDTH, { full: c.name })),
    );
  out.push(
    grey(t('report:thisComputer.checkedOn', { date: formatDateTime(c.checkup.generatedAt, model.lang) })),
  );
  out.push(
    grey(c.os ? t('report:thisComputer.system', { os: c.os }) : t('report:thisComputer.systemUnknown')),
  );
  if (c.checkup.mode === 'replay')
    out.push({ text: t('report:thisComputer.replay'), color: '#444444', italics: true });
  out.push({ ...voyantLine(model, c.state), margin: [0, 6, 0, 6] });
  out.push({ text: t('report:thisComputer.findings'), style: 'h2' });
  if (c.findings.length === 0) return [...out, { text: t('report:thisComputer.noFindings') }];
  return [...out, ...c.findings.map((f) => finding(model, f))];
}

/** One page per device of the workspace: its voyant, what the owner ticked, and what is left to do. */
export function devicePages(model: ReportModel): Content[] {
  const t = getT(model.lang);
  return model.devices.flatMap((d) => {
    const name = d.device.name || t('report:device.unnamed');
    const done = d.items.filter((i) => i.done).length;
    const page: Content[] = [
      heading(t('report:device.heading', { kind: d.kindLabel, name }), name),
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
      page.push({
        text: t('report:device.notes', {
          notes: fitText(d.device.notes, CONTENT_WIDTH, { fontSize: 9.5, maxLines: 6 }),
        }),
        margin: [0, 2, 0, 4],
      });
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
