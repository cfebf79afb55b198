/**
 * The end of the owner's part: the missions, who does what (from the register: who, by when,
 * done on), the next révision, and the signatures of the owner and the prestataire.
 */
import { getT } from '../i18n';
import { nextRevisionText } from './cover-section';
import { fitText, fixedWidths } from './layout';
import { formatDate, personName, type ReportModel } from './model';
import { formatDay } from './register-page';
import { BOX_DONE, BOX_TODO, checklist, colors, sep, table, type Content } from './pdf-parts';

const ACTION_WIDTHS = fixedWidths([14, '*', 90, 58, 58]);

/** The missions and their tasks, ☐ / ✓. */
export function missionsPage(model: ReportModel): Content[] {
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
  return out;
}

function actionsTable(model: ReportModel): Content {
  const t = getT(model.lang);
  const [, text, who] = ACTION_WIDTHS;
  // « Moi » is the owner speaking in the app; the carnet names them (or says « vous »).
  const person = (name: string) =>
    name === t('carnet:assignee.me') ? personName('', model.ownerName, model.lang) : name;
  return table(
    ACTION_WIDTHS,
    [
      '',
      t('report:signoff.action'),
      t('report:signoff.who'),
      t('report:signoff.due'),
      t('report:signoff.done'),
    ],
    model.actions.map((a) => [
      a.doneAt ? { text: BOX_DONE, fontSize: 11, color: colors.ok } : { text: BOX_TODO, fontSize: 11 },
      fitText(a.device ? `${a.device}${sep(model)}${a.text}` : a.text, text!, { maxLines: 4, words: true }),
      fitText(person(a.who), who!, { maxLines: 2 }),
      a.due ? formatDay(a.due, model.lang) : '',
      a.doneAt ? formatDate(a.doneAt, model.lang) : '',
    ]),
  );
}

/** Two boxes to sign: the owner (named from the settings) and the prestataire. */
function signatures(model: ReportModel): Content {
  const t = getT(model.lang);
  const width = fixedWidths(['*', '*'], 515 - 20 + 16)[0]!;
  const box = (label: string, name: string, full: string): Content => ({
    width,
    stack: [
      {
        text: fitText(label, width, { fontSize: 8.5, bold: true, maxLines: 2, full }),
        bold: true,
        fontSize: 8.5,
      },
      {
        table: {
          widths: [width - 8],
          heights: [14, 14, 60],
          body: [
            [{ text: `${t('report:signoff.name')}${sep(model)}${fitText(name, width - 60)}`, fontSize: 8.5 }],
            [{ text: `${t('report:signoff.date')}${sep(model)}`, fontSize: 8.5 }],
            [{ text: `${t('report:signoff.signature')}${sep(model)}`, fontSize: 8.5 }],
          ],
        },
        layout: {
          hLineColor: () => '#777777',
          vLineColor: () => '#777777',
          hLineWidth: () => 0.6,
          vLineWidth: () => 0.6,
        },
        margin: [0, 4, 0, 0],
      },
    ],
  });
  return {
    columns: [
      box(t('report:signoff.forCompany', { company: model.company }), model.ownerName, model.company),
      box(
        t('report:signoff.forProvider', { provider: model.provider.name || t('report:providerNone') }),
        model.provider.name,
        model.provider.name,
      ),
    ],
    columnGap: 20,
    margin: [0, 10, 0, 0],
    unbreakable: true,
  };
}

/** « Qui fait quoi, pour quand », the next révision, and the signatures. */
export function signoffPage(model: ReportModel): Content[] {
  const t = getT(model.lang);
  return [
    { text: t('report:signoff.heading'), style: 'h1', pageBreak: 'before' },
    { text: t('report:signoff.intro'), margin: [0, 0, 0, 6] },
    model.actions.length === 0 ? { text: t('report:signoff.none') } : actionsTable(model),
    { text: t('report:revision.heading'), style: 'h2' },
    { text: nextRevisionText(model), margin: [0, 0, 0, 6] },
    { text: t('report:signoff.signHeading'), style: 'h2' },
    signatures(model),
  ];
}
