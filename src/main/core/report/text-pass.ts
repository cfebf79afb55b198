/**
 * The last pass over a pdfmake document definition before rendering: every piece of text, wherever
 * the carnet's structure puts it (plain strings, `text` inline arrays, table cells, columns,
 * stacks, lists, header and footer), is cut into runs its fonts can draw (text-runs.ts), each
 * marked with its bidi level for bidi-layout.ts. It works on a copy and knows nothing of the
 * carnet's sections, so the document's layout can change freely.
 */
import { BIDI_AS_IS, BIDI_LEVEL } from './bidi-layout';
import { EMOJI_FONT_FAMILY, textRuns, type Coverage } from './text-runs';

type Node = unknown;
type Dict = Record<string, unknown>;

const isDict = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** pdfmake inlines for a string, with the style of the inline it came from (if any); null when unchanged. */
function inlinesOf(text: string, coverage: Coverage, style: Dict | null): unknown[] | null {
  const runs = textRuns(text, coverage);
  const only = runs[0];
  if (runs.length === 1 && only?.face === 'base' && only.level === 0 && only.text === text) return null;
  return runs.map((run) => {
    const marks: Dict = {};
    if (run.face === 'emoji') marks.font = EMOJI_FONT_FAMILY;
    if (run.level > 0) marks[BIDI_LEVEL] = run.level;
    if (run.asIs) marks[BIDI_AS_IS] = true;
    if (!style && Object.keys(marks).length === 0) return run.text;
    return { ...(style ?? {}), ...marks, text: run.text };
  });
}

/** The value of a `text` property: a string or an array of inlines (strings or styled objects). */
function passText(text: unknown, coverage: Coverage): unknown {
  if (typeof text === 'string') return inlinesOf(text, coverage, null) ?? text;
  if (!Array.isArray(text)) return text;
  return text.flatMap((inline: unknown) => {
    if (typeof inline === 'string') return inlinesOf(inline, coverage, null) ?? [inline];
    if (!isDict(inline)) return [inline];
    if (typeof inline.text === 'string') {
      const { text: own, ...style } = inline;
      return inlinesOf(own as string, coverage, style) ?? [inline];
    }
    return [{ ...inline, text: passText(inline.text, coverage) }];
  });
}

/** Keys whose value is a list of nodes. */
const NODE_LISTS = ['stack', 'columns', 'ul', 'ol', 'layers'] as const;

/** One node of the document (a string is a text node); returns the node to render. */
export function passNode(node: Node, coverage: Coverage): Node {
  if (typeof node === 'string') {
    const inlines = inlinesOf(node, coverage, null);
    return inlines ? { text: inlines } : node;
  }
  if (Array.isArray(node)) return node.map((child: Node) => passNode(child, coverage));
  if (!isDict(node)) return node;
  const out: Dict = { ...node };
  if ('text' in node) out.text = passText(node.text, coverage);
  for (const key of NODE_LISTS) {
    if (Array.isArray(node[key])) out[key] = (node[key] as Node[]).map((child) => passNode(child, coverage));
  }
  if (isDict(node.table) && Array.isArray(node.table.body)) {
    const body = node.table.body as unknown[];
    out.table = {
      ...node.table,
      body: body.map((row) => (Array.isArray(row) ? row.map((cell: Node) => passNode(cell, coverage)) : row)),
    };
  }
  if (isDict(node.toc) && node.toc.title !== undefined) {
    out.toc = { ...node.toc, title: passNode(node.toc.title, coverage) };
  }
  return out;
}

/** A header, footer or background: a node, or a function of the page that returns one. */
function passDynamic(value: unknown, coverage: Coverage): unknown {
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => passNode(fn(...args), coverage);
  }
  return value === undefined ? value : passNode(value, coverage);
}

/** The document definition with every text drawable by its fonts (the input is left untouched). */
export function passDocument(
  definition: Record<string, unknown>,
  coverage: Coverage,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...definition, content: passNode(definition.content, coverage) };
  for (const key of ['header', 'footer', 'background'] as const) {
    if (key in definition) out[key] = passDynamic(definition[key], coverage);
  }
  return out;
}
