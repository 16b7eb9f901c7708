/**
 * A small static file server for dist/: `npm start` serves the site with it and the
 * browser tests start one on a free port. No dependencies, loopback only by default.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface ServeOptions {
  root: string;
  port?: number;
  host?: string;
  /** Base path the site was built with (BASE_PATH), e.g. '/kb/'. */
  base?: string;
}

export function serveStatic({ root, port = 4321, host = '127.0.0.1', base = '/' }: ServeOptions): Promise<{ server: Server; url: string }> {
  const dir = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const notFound = join(dir, '404.html');
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(path === '/' ? 302 : 404, path === '/' ? { location: prefix } : {});
      return res.end();
    }
    path = normalize(path.slice(prefix.length - 1));
    let file = join(dir, path);
    if (!file.startsWith(dir)) {
      res.writeHead(403);
      return res.end();
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      if (!path.endsWith('/') && !extname(path) && existsSync(join(dir, path, 'index.html'))) {
        res.writeHead(301, { location: `${prefix}${path.slice(1)}/` });
        return res.end();
      }
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      return res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const addr = server.address();
      const actual = typeof addr === 'object' && addr ? addr.port : port;
      ok({ server, url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${actual}${prefix}` });
    });
  });
}
