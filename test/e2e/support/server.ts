/** A tiny static file server on 127.0.0.1 (a free port), serving a folder under a URL prefix. */
import { createServer, type Server, type ServerResponse } from 'http';
import { createReadStream, statSync } from 'fs';
import { extname, join, normalize, sep } from 'path';
import type { AddressInfo } from 'net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface StaticServer {
  /** Base URL ending with the prefix and "/". */
  url: string;
  /** Every path requested, in order. */
  requests: string[];
  /** Paths answered with an error status. */
  misses: string[];
  close(): Promise<void>;
}

export async function serveStatic(root: string, prefix = '/'): Promise<StaticServer> {
  const requests: string[] = [];
  const misses: string[] = [];
  const fail = (res: ServerResponse, path: string, status: number) => {
    misses.push(path);
    res.writeHead(status).end();
  };
  const base = prefix.endsWith('/') ? prefix : prefix + '/';
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    requests.push(path);
    if (!path.startsWith(base)) return fail(res, path, 404);
    const rel = normalize(path.slice(base.length) || 'index.html');
    const file = join(root, rel);
    if (!file.startsWith(normalize(root + sep))) return fail(res, path, 403);
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      return fail(res, path, 404);
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    misses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
