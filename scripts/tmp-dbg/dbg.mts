import { renderPdf } from '/work/wt-pdf-carnet/src/main/core/report/render';
const seen: unknown[] = [];
const doc = {
  content: [
    { text: 'filler\n'.repeat(50) }, { text: 'x', margin: [0, Number(process.env.M), 0, 0] },
    { text: 'Heading', style: 'h2', headlineLevel: 1 },
    { table: { body: [['a'], ['b']] }, unbreakable: true },
  ],
  defaultStyle: { font: 'DejaVuSans' },
  pageBreakBefore: (node: any, h: any) => {
    if (node.headlineLevel) { const f = h.getFollowingNodesOnPage(); seen.push({ node: node.pageNumbers, top: node.startPosition.top, f: f.map((n: any) => [n.text ?? Object.keys(n), n.pageNumbers, n.startPosition.top]) }); }
    return false;
  },
};
const r = await renderPdf(doc);
console.log(r.pages, JSON.stringify(seen, null, 1));
