import { buildDocument } from '../../src/main/core/report/document';
import { buildReportModel } from '../../src/main/core/report/model';
import { duboisWorkspace } from '../../src/main/core/report/testing/samples';
const now = new Date('2026-11-22T10:00:00Z');
const model = buildReportModel({ workspace: await duboisWorkspace(now), checkup: null, lang: 'fr', now });
const doc = buildDocument(model) as { content: any[] };
const i = doc.content.findIndex((n) => JSON.stringify(n).includes('Mission débutant'));
console.log(JSON.stringify(doc.content[i], (k, v) => (k === 'layout' ? '[layout]' : v), 1).slice(0, 2500));
