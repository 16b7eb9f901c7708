/**
 * The local server (`npm start`, the browser tests) must not fall over or leak files whatever a
 * web page sends it: malformed URLs, other methods, paths out of the root, symlinks, read errors.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Reads of "boom*.txt" fail, so the test can see what a stream error does to the server.
vi.mock('node:fs', async (orig) => {
  const fs = await orig<typeof import('node:fs')>();
  const createReadStream = ((p: string, ...rest: unknown[]) => {
    if (String(p).endsWith('boom-open.txt')) {
      const s = new PassThrough();
      setImmediate(() => s.emit('error', new Error('EIO: simulated')));
      return s;
    }
    if (String(p).endsWith('boom-mid.txt')) {
      const s = new PassThrough();
      setImmediate(() => {
        s.emit('open');
        s.write('partial');
        setImmediate(() => s.destroy(new Error('EIO: simulated')));
      });
      return s;
    }
    return (fs.createReadStream as (...a: unknown[]) => unknown)(p, ...rest);
  }) as typeof fs.createReadStream;
  return { ...fs, default: { ...fs, createReadStream }, createReadStream };
});

const { headersFor, isInside, parseHeaders, serveStatic } = await import('../../scripts/lib/static-server.ts');

let tmp: string;
let server: Server;
let port: number;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'static-server-'));
  const dist = path.join(tmp, 'dist');
  mkdirSync(path.join(dist, 'decoder'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<p>home</p>');
  writeFileSync(path.join(dist, '404.html'), '<p>not found</p>');
  writeFileSync(path.join(dist, 'decoder', 'index.html'), '<p>decoder</p>');
  writeFileSync(path.join(dist, 'boom-open.txt'), 'x');
  writeFileSync(path.join(dist, 'boom-mid.txt'), 'x');
  writeFileSync(path.join(dist, '_headers'), "/*\n  Content-Security-Policy: frame-ancestors 'none'\n  X-Frame-Options: DENY\n/decoder/*\n  X-Test: decoder\n");
  // a sibling whose name starts with "dist", and a file outside the root
  mkdirSync(path.join(tmp, 'dist-private'));
  writeFileSync(path.join(tmp, 'dist-private', 'secret.txt'), 'SECRET');
  writeFileSync(path.join(tmp, 'outside.txt'), 'OUTSIDE');
  symlinkSync(path.join(tmp, 'outside.txt'), path.join(dist, 'link.txt'));
  symlinkSync(path.join(tmp, 'dist-private'), path.join(dist, 'linkdir'));
  const s = await serveStatic({ root: dist, port: 0 });
  server = s.server;
  port = Number(new URL(s.url).port);
});

afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  rmSync(tmp, { recursive: true, force: true });
});

/** Send raw bytes, return the status code of the answer (0 when the connection closed without one). */
function raw(request: string): Promise<{ status: number; text: string }> {
  return new Promise((ok) => {
    const sock = connect(port, '127.0.0.1');
    let data = '';
    sock.setTimeout(5000, () => sock.destroy());
    sock.on('data', (d) => (data += d.toString('latin1')));
    sock.on('error', () => undefined);
    sock.on('close', () => ok({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), text: data }));
    // write, not end: a half-closed socket may be dropped before an asynchronous answer
    sock.write(request);
  });
}

const get = (target: string, method = 'GET') => raw(`${method} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);

describe('static server', () => {
  it('serves pages, with the _headers values', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<p>home</p>');
    expect(home.text).toMatch(/content-security-policy: frame-ancestors 'none'/i);
    expect(home.text).toMatch(/x-frame-options: DENY/i);
    const dec = await get('/decoder/');
    expect(dec.text).toMatch(/x-test: decoder/i);
  });

  it('answers 400 to malformed URLs instead of crashing', async () => {
    expect((await get('/%')).status).toBe(400);
    expect((await get('//[')).status).not.toBe(0);
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/a%00b')).status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  it('allows only GET and HEAD', async () => {
    for (const m of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE']) {
      const r = await get('/', m);
      expect(r.status, m).toBe(405);
      expect(r.text).toMatch(/allow: GET, HEAD/i);
    }
    const head = await get('/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.text).not.toContain('<p>home</p>');
  });

  it('never serves files outside the root: ../, encoded separators, sibling dist-*, symlinks', async () => {
    for (const t of ['/../dist-private/secret.txt', '/..%2fdist-private%2fsecret.txt', '/%2e%2e/dist-private/secret.txt', '/..%5cdist-private%5csecret.txt', '/link.txt', '/linkdir/secret.txt']) {
      const r = await get(t);
      expect(r.text, t).not.toContain('SECRET');
      expect(r.text, t).not.toContain('OUTSIDE');
      expect([403, 404], t).toContain(r.status);
    }
  });

  it('survives read errors: 500 before the headers, a cut connection after', async () => {
    expect((await get('/boom-open.txt')).status).toBe(500);
    await get('/boom-mid.txt');
    expect((await get('/')).status).toBe(200);
  });

  it('keeps answering after hundreds of malformed requests', async () => {
    const junk = fc.string({ unit: 'binary', maxLength: 40 });
    const targets = fc.sample(fc.oneof(junk.map((s) => '/' + s), junk.map((s) => '/' + encodeURIComponent(s).replace(/%../g, (m) => (m.length ? '%' + m.slice(2) : m))), fc.constantFrom('/%', '//[', '/%%', '/%zz', '//', '/..', '/\\..\\..\\', '*', 'http://[::1', '/?%')), { numRuns: 250, seed: 11 });
    const methods = ['GET', 'HEAD', 'POST', 'BREW', 'G\u00c9T'];
    for (const [i, t] of targets.entries()) {
      const line = `${methods[i % methods.length]} ${t.replace(/[\r\n ]/g, '%20')} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`;
      const r = await raw(line);
      expect(r.status, JSON.stringify(line)).toBeGreaterThanOrEqual(200);
    }
    for (const garbage of ['\u0000\u0001\u0002\r\n\r\n', 'GET\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', `GET /${'a'.repeat(20000)} HTTP/1.1\r\n\r\n`]) await raw(garbage);
    expect((await get('/')).status).toBe(200);
  });
});

describe('containment check', () => {
  it('uses path.relative, correct for Windows paths too', () => {
    const root = 'C:\\site\\dist';
    expect(isInside(root, 'C:\\site\\dist\\index.html', path.win32)).toBe(true);
    expect(isInside(root, 'C:\\site\\dist', path.win32)).toBe(true);
    // the old prefix test (file.startsWith(dir)) let these through
    expect('C:\\site\\dist-private\\secret.txt'.startsWith(root)).toBe(true);
    expect(isInside(root, 'C:\\site\\dist-private\\secret.txt', path.win32)).toBe(false);
    expect(isInside(root, 'C:\\site\\distX', path.win32)).toBe(false);
    expect(isInside(root, 'D:\\site\\dist\\x', path.win32)).toBe(false);
    expect(isInside(root, path.win32.join(root, '..\\..\\secret'), path.win32)).toBe(false);
    expect(isInside('/srv/dist', '/srv/dist-old/a', path.posix)).toBe(false);
    expect(isInside('/srv/dist', '/srv/dist/..foo', path.posix)).toBe(true);
  });
});

describe('_headers', () => {
  it('parses blocks and matches wildcards', () => {
    const rules = parseHeaders("# comment\n/*\n  A: 1\n  B: x: y\n/decoder/*\n  C: 3\n");
    expect(headersFor(rules, '/')).toEqual([['A', '1'], ['B', 'x: y']]);
    expect(headersFor(rules, '/decoder/')).toEqual([['A', '1'], ['B', 'x: y'], ['C', '3']]);
  });
});
