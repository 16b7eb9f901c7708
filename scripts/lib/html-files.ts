import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every built HTML page under dist, sorted (Pagefind's and Astro's asset folders skipped). */
export function htmlFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(p);
      } else if (name.endsWith('.html')) out.push(p);
    }
  };
  walk(dist);
  return out.sort();
}
