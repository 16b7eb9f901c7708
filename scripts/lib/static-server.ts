/**
 * A small static file server for dist/: `npm start` serves the site with it and the
 * browser tests start one on a free port. No dependencies, loopback only by default.
 *
 * A page the user has open can send this server any request, so it never trusts the URL:
 * malformed URLs get 400, methods other than GET/HEAD get 405, a path must stay inside the
 * root (also after following symlinks), and a read error ends that one response, not the server.
 * The headers in dist/_headers (written by scripts/csp.ts) are sent, as a host that reads the
 * file would send them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

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

/**
 * Whether `file` is `root` or inside it. `path.relative` knows the platform's separators and
 * drive letters, so `C:\site\dist-old` is not inside `C:\site\dist` (a prefix test would say it is).
 * Pass `path.win32` to check Windows paths on any platform.
 */
export function isInside(root: string, file: string, p: Pick<typeof path, 'relative' | 'isAbsolute' | 'sep'> = path): boolean {
  const rel = p.relative(root, file);
  if (rel === '') return true;
  return !p.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${p.sep}`);
}

/** One `_headers` block: a path pattern (`/*`, `/decoder/`) and the headers for it. */
export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

/** Parse the Netlify/Cloudflare `_headers` format: a path line, then indented `Name: value` lines. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), headers: [] });
      continue;
    }
    const c = raw.indexOf(':');
    const rule = rules[rules.length - 1];
    if (rule && c > 0) rule.headers.push([raw.slice(0, c).trim(), raw.slice(c + 1).trim()]);
  }
  return rules;
}

/** Headers for a site path (`/decoder/`), in file order; `*` in a pattern matches any run of characters. */
export function headersFor(rules: HeaderRule[], sitePath: string): [string, string][] {
  const out: [string, string][] = [];
  for (const r of rules) {
    const re = new RegExp(`^${r.pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (re.test(sitePath)) out.push(...r.headers);
  }
  return out;
}

/** The request path decoded, or null when it cannot be (bad %-escapes, NUL, unparsable URL). */
function requestPath(req: IncomingMessage): string | null {
  const raw = req.url ?? '/';
  if (!raw.startsWith('/')) return null;
  let pathname: string;
  try {
    // Appended, not resolved: "//[" is a path here, not a protocol-relative URL with a bad host.
    pathname = new URL(`http://localhost${raw}`).pathname;
  } catch {
    return null;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  return decoded;
}

function safeStat(p: string) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

export function serveStatic({ root, port = 4321, host = '127.0.0.1', base = '/' }: ServeOptions): Promise<{ server: Server; url: string }> {
  const dir = realpathSync(path.resolve(root));
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const notFound = path.join(dir, '404.html');
  const headersFile = path.join(dir, '_headers');
  const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];

  const plain = (res: ServerResponse, status: number, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...extra });
    res.end(`${status}\n`);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, { allow: 'GET, HEAD' });
    const decoded = requestPath(req);
    if (decoded === null) return plain(res, 400);
    if (!decoded.startsWith(prefix)) {
      if (decoded === '/') return plain(res, 302, { location: prefix });
      return plain(res, 404);
    }
    // Site path ("/decoder/") relative to the base; posix normalisation removes ./ and ../
    const sitePath = path.posix.normalize(decoded.slice(prefix.length - 1));
    let file = path.join(dir, ...sitePath.split('/').filter(Boolean));
    if (!isInside(dir, file)) return plain(res, 403);
    let st = safeStat(file);
    if (st?.isDirectory()) {
      file = path.join(file, 'index.html');
      st = safeStat(file);
    }
    if (!st?.isFile()) {
      if (!sitePath.endsWith('/') && !path.extname(sitePath) && safeStat(path.join(file, 'index.html'))?.isFile()) return plain(res, 301, { location: `${prefix}${sitePath.slice(1)}/` });
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      return res.end(req.method === 'HEAD' ? undefined : existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    }
    // A symlink inside dist/ may point anywhere: serve only what really lies under the root.
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      return plain(res, 404);
    }
    if (!isInside(dir, real)) return plain(res, 403);
    const headers: Record<string, string> = { 'content-type': TYPES[path.extname(real)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    for (const [k, v] of headersFor(rules, sitePath)) headers[k.toLowerCase()] = v;
    headers['content-length'] = String(st.size);
    if (req.method === 'HEAD') {
      res.writeHead(200, headers);
      return res.end();
    }
    const stream = createReadStream(real);
    stream.once('open', () => {
      res.writeHead(200, headers);
      stream.pipe(res);
    });
    stream.once('error', () => {
      if (!res.headersSent) plain(res, 500);
      else res.destroy();
    });
    res.once('close', () => stream.destroy());
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      // Whatever went wrong, this request fails and the server keeps answering.
      if (!res.headersSent) plain(res, 500);
      else res.destroy();
    }
  });
  // A client that sends garbage before a full request line gets 400 from Node; never crash on it.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
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
