import { renderPdf } from '../../src/main/core/report/render';
import { grid, titleGrid } from '../../src/main/core/report/tables';
import { checklistLayout } from '../../src/main/core/report/pdf-parts';
import { pdfPages } from '../../src/main/core/report/testing/pdf-text';
const mk = (n: number, mode: string) => {
  const g = grid([14, 400], null, Array.from({ length: n }, (_, i) => ['x', `row ${i}`]), checklistLayout);
  if (mode !== 'plain') titleGrid(g, [{ text: 'Title', style: 'h1' }], 0);
  return g;
};
for (const n of [1, 2, 3, 4]) for (const mode of ['plain', 'title']) {
  const r = await renderPdf({ content: [{ text: 'before' }, mk(n, mode), { text: 'after' }], defaultStyle: { font: 'DejaVuSans' } });
  console.log(n, mode, JSON.stringify((await pdfPages(r.bytes)).join('|')));
}
