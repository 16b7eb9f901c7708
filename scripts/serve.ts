/** `npm start` (after the build): serve dist/ on http://localhost:4321 (PORT, BASE_PATH override). */
import { serveStatic } from './lib/static-server.ts';

const { url } = await serveStatic({ root: 'dist', port: Number(process.env.PORT ?? 4321), base: process.env.BASE_PATH ?? '/' });
console.log(`\nIPsec Playbooks is ready: ${url}\n(Ctrl+C to stop)`);
