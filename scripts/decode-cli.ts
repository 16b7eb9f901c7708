/**
 * Decode files (or stdin) from the command line and print the findings as JSON.
 *
 *   npm run decode -- <file|-> [more files…] [--redact] [--bundle] [--text|--markdown]
 *
 * --bundle   treat the files as one IPsec_Debug.vbs bundle (parser chosen from table 7.3 names)
 * --redact   replace addresses and computer / user / domain names with stable placeholders
 * --text / --markdown   print the ticket text instead of JSON
 * Reads src/generated/catalogue.json (run `npm run catalogue` first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue } from '../src/lib/catalogue/types.ts';
import { Redactor, decode, decodeBundle, formatBundleText, formatReportMarkdown, formatReportText, redact, redactBundle } from '../src/lib/decode/index.ts';
import type { BundleReport, DecodeReport } from '../src/lib/decode/index.ts';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const files = args.filter((a) => !a.startsWith('--') || a === '-');
if (!files.length || flags.has('--help')) {
  console.error('usage: npm run decode -- <file|-> [more files…] [--redact] [--bundle] [--text|--markdown]');
  process.exit(files.length ? 0 : 2);
}
const catPath = join(process.cwd(), 'src/generated/catalogue.json');
if (!existsSync(catPath)) {
  console.error('src/generated/catalogue.json is missing: run `npm run catalogue` first.');
  process.exit(1);
}
const catalogue = JSON.parse(readFileSync(catPath, 'utf8')) as Catalogue;

function read(f: string): string {
  const buf = f === '-' ? readFileSync(0) : readFileSync(f);
  // UTF-16 LE exports (Event Viewer "Save as" on some systems) start with a BOM
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  const s = buf.toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

const redactor = flags.has('--redact') ? new Redactor() : undefined;
const asText = flags.has('--text');
const asMd = flags.has('--markdown');

function out(report: DecodeReport): string | DecodeReport {
  if (asText) return formatReportText(report, { redact: !!redactor, redactor });
  if (asMd) return formatReportMarkdown(report, { redact: !!redactor, redactor });
  return redactor ? redact(report, redactor) : report;
}

let exitCode = 0;
try {
  if (flags.has('--bundle')) {
    const bundle: BundleReport = decodeBundle(
      files.map((f) => ({ name: f === '-' ? 'stdin.txt' : f, text: read(f) })),
      catalogue,
    );
    if (asText || asMd) process.stdout.write(formatBundleText(bundle, { redact: !!redactor, redactor, markdown: asMd }));
    else {
      const b = redactor ? redactBundle(bundle, redactor) : bundle;
      process.stdout.write(JSON.stringify(b, null, 2) + '\n');
    }
  } else {
    const results = files.map((f) => ({ file: f, result: out(decode(read(f), catalogue)) }));
    if (asText || asMd) for (const r of results) process.stdout.write((files.length > 1 ? `# ${r.file}\n` : '') + String(r.result) + '\n');
    else process.stdout.write(JSON.stringify(files.length === 1 ? results[0].result : results, null, 2) + '\n');
  }
} catch (err) {
  console.error(`decode: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
}
process.exit(exitCode);
