/** Serves the built web page (index.html and its hashed assets) from a folder; nothing outside it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/** Registers GET / and GET /assets/:name; the file list is read once, so no request can name another file. */
export function registerStatic(app: FastifyInstance, webDir: string): void {
  const index = readFileSync(join(webDir, 'index.html'));
  const assets = new Map<string, Buffer>();
  for (const name of readdirSync(join(webDir, 'assets')))
    assets.set(name, readFileSync(join(webDir, 'assets', name)));
  const page = async (
    _request: unknown,
    reply: { header: (k: string, v: string) => { send: (b: Buffer) => unknown } },
  ) => reply.header('Content-Type', 'text/html; charset=utf-8').send(index);
  app.get('/', page);
  app.get('/machines/:id', page);
  app.get('/preuve', page);
  app.get(
    '/assets/:name',
    {
      schema: {
        params: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', pattern: '^[A-Za-z0-9._-]+$' } },
        },
      },
    },
    async (request, reply) => {
      const name = (request.params as { name: string }).name;
      const body = assets.get(name);
      if (!body) return reply.callNotFound();
      const type = TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';
      return reply
        .header('Content-Type', type)
        .header('Cache-Control', 'public, max-age=31536000, immutable')
        .send(body);
    },
  );
}
