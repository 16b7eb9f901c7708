/** Serve the built site (dist/) on a free loopback port for a test file. */
import type { Server } from 'node:http';
import { serveStatic } from '../../scripts/lib/static-server.ts';

export interface RunningSite {
  /** Base URL with trailing slash, e.g. http://localhost:41234/ */
  url: string;
  /** Host:port, to tell own requests from any other host. */
  origin: string;
  close(): Promise<void>;
}

export async function startSite(root = process.env.E2E_DIST ?? 'dist'): Promise<RunningSite> {
  const { server, url } = await serveStatic({ root, port: 0, base: process.env.BASE_PATH ?? '/' });
  return { url, origin: new URL(url).origin, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((ok) => server.close(() => ok()));
}
