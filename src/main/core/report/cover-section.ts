/**
 * The carnet's cover: the company, the date, this computer's name, the overall state in plain
 * words, the next révision, and every device at a glance (voyant in words, colour and shape).
 */
import { getT } from '../i18n';
import { fitText } from './layout';
import {
  formatDate,
  formatDateTime,
  openCount,
  worstState,
  type ReportModel,
  type VoyantState,
} from './model';
import { colors, sep, shapes, stateLabel, table, voyant, type Content } from './pdf-parts';
import { fixedWidths } from './layout';

/** A checkup older than this is flagged on the cover. */
const STALE_DAYS = 7;

const LABEL_WIDTH = 120;
const VALUE_WIDTH = fixedWidths([LABEL_WIDTH, '*'])[1]!;
const SUMMARY_WIDTHS = fixedWidths(['*', 130, 60]);

/** Order of states from best to worst, for the overall voyant (a device only ticked is never « OK »). */
const RANK: Record<VoyantState, number> = {
  ok: 0,
  declared: 1,
  todo: 2,
  unknown: 3,
  attention: 4,
  danger: 5,
};

/** The worst voyant of the whole carnet: this computer, the other devices and the sites. */
export function overallState(model: ReportModel): VoyantState {
  const states: VoyantState[] = [
    model.computer.state,
    ...model.devices.map((d) => d.state),
    ...(model.sites ?? []).map((s) => (s.report ? worstState(s.findings.map((f) => f.state)) : 'unknown')),
  ];
  return states.reduce((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'ok' as VoyantState);
}

function lastCheckupCell(model: ReportModel): Content {
  const t = getT(model.lang);
  const checkedAt = model.computer.checkup ? new Date(model.computer.checkup.generatedAt) : null;
  if (checkedAt === null || Number.isNaN(checkedAt.getTime()))
    return { text: t('report:cover.noCheckup'), bold: true, color: colors.unknown };
  const when = formatDateTime(model.computer.checkup!.generatedAt, model.lang);
  // A carnet made from an old checkup says so: the state it shows may have changed since.
  if (model.generatedAt.getTime() - checkedAt.getTime() <= STALE_DAYS * 86_400_000) return when;
  return {
    text: [
      when,
      { text: ` — ${t('report:cover.stale', { days: STALE_DAYS })}`, bold: true, color: colors.attention },
    ],
  };
}

/** « Prochaine révision : le 5 décembre 2026 », and whether Révision does it by itself. */
export function nextRevisionText(model: ReportModel): string {
  const t = getT(model.lang);
  const date = formatDate(model.nextRevision.at, model.lang, 'long');
  return t(model.nextRevision.automatic ? 'report:revision.automatic' : 'report:revision.manual', { date });
}

/** Whether the machine's own name is known and says something the owner's name for it does not. */
export function hasOwnName(model: ReportModel): boolean {
  const c = model.computer;
  return (
    c.checkup !== null && !!c.checkup.machine?.hostname && c.name.toLowerCase() !== c.label.toLowerCase()
  );
}

function facts(model: ReportModel): Content {
  const t = getT(model.lang);
  const p = model.provider;
  const contact = [p.email, p.phone].filter(Boolean).join(' · ');
  const value = (text: string, words = false) => fitText(text, VALUE_WIDTH, { fontSize: 9.5, words });
  const c = model.computer;
  const computer = hasOwnName(model) ? `${c.label} (${c.name})` : c.label;
  const rows: [string, Content][] = [
    [
      t('report:cover.company'),
      { text: fitText(model.company, VALUE_WIDTH, { fontSize: 13, bold: true }), fontSize: 13, bold: true },
    ],
    [t('report:cover.date'), formatDate(model.generatedAt, model.lang, 'long')],
    [t('report:cover.computer'), value(computer, true)],
    [t('report:cover.provider'), value(p.name || t('report:providerNone'))],
    ...(contact ? [[t('report:cover.providerContact'), value(contact)] as [string, Content]] : []),
    [t('report:cover.lastCheckup'), lastCheckupCell(model)],
  ];
  return {
    table: { widths: [LABEL_WIDTH, VALUE_WIDTH], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
    layout: 'noBorders',
    margin: [0, 10, 0, 12],
  };
}

/** The overall state in one sentence, with its voyant, and the next révision date. */
function overall(model: ReportModel): Content {
  const t = getT(model.lang);
  const state = overallState(model);
  const open = openCount(model);
  return {
    table: {
      widths: fixedWidths(['*']),
      body: [
        [
          {
            stack: [
              {
                text: [
                  { text: `${shapes[state]} `, color: colors[state], fontSize: 14 },
                  { text: `${t('report:overall.title')}${sep(model)}`, bold: true, fontSize: 12 },
                  { text: stateLabel(model, state), bold: true, fontSize: 12, color: colors[state] },
                ],
              },
              { text: t(`report:overall.${state}`, { count: open }), margin: [0, 3, 0, 0] },
              { text: nextRevisionText(model), bold: true, margin: [0, 6, 0, 0] },
            ],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 1,
      vLineWidth: () => 1,
      hLineColor: () => colors[state],
      vLineColor: () => colors[state],
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 6,
      paddingBottom: () => 6,
    },
    margin: [0, 0, 0, 12],
    unbreakable: true,
  };
}

function summary(model: ReportModel): Content {
  const t = getT(model.lang);
  const name = (text: string, full = text) => fitText(text, SUMMARY_WIDTHS[0]!, { maxLines: 2, full });
  const rows: Content[][] = [
    [
      name(model.computer.label),
      voyant(model, model.computer.state),
      { text: String(model.computer.open), alignment: 'right' },
    ],
    ...model.devices.map((d) => [
      name(`${d.kindLabel}${sep(model)}${d.device.name || t('report:device.unnamed')}`, d.device.name),
      voyant(model, d.state),
      { text: String(d.open), alignment: 'right' },
    ]),
    ...(model.sites ?? []).map((s) => {
      const state = s.report ? worstState(s.findings.map((f) => f.state)) : 'unknown';
      const open = s.findings.filter((f) => f.state !== 'ok').length;
      return [
        name(`${t('report:kinds.website')}${sep(model)}${s.host}`, s.host),
        voyant(model, state),
        { text: String(s.report ? open : 1), alignment: 'right' },
      ];
    }),
  ];
  return table(
    SUMMARY_WIDTHS,
    [t('report:cover.device'), t('report:cover.state'), t('report:cover.open')],
    rows,
  );
}

/** The cover page. */
export function cover(model: ReportModel): Content[] {
  const t = getT(model.lang);
  return [
    { text: t('report:title'), style: 'title' },
    { text: t('report:subtitle'), style: 'subtitle' },
    facts(model),
    overall(model),
    { text: t('report:cover.summary'), style: 'h2' },
    summary(model),
    { text: t('report:cover.legend'), fontSize: 8, color: '#444444', margin: [0, 0, 0, 8] },
    { text: t('report:cover.intro'), margin: [0, 0, 0, 6] },
    { text: t('report:cover.warning'), italics: true },
  ];
}
