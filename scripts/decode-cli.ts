/**
 * Decode files (or stdin) from the command line and print the findings as JSON.
 *
 *   npm run decode -- <file|folder|-> [more…] [--redact] [--bundle] [--text|--markdown]
 *   npm run decode -- --fleet DIR [--markdown|--csv] [--out PREFIX] [--redact]
 *
 * Files are read the same way as in the browser (src/lib/input): .evtx by the EVTX reader chunk by
 * chunk, text in any of UTF-8, UTF-16LE/BE (BOM or not) and Shift_JIS, binaries refused; all in
 * slices, so a large file never sits in memory whole. A folder means every file under it.
 *
 * --bundle   treat the files as one IPsec_Debug.vbs bundle (parser chosen from table 7.3 names)
 * --fleet    many computers' files under DIR (one subfolder or `<computer>_` file-name prefix each):
 *            one summary per failure with computers, peers, counts, first and last times
 *            (JSON; --markdown or --csv; --out PREFIX writes PREFIX.json, .md and .csv)
 * --redact   replace addresses and computer / user / domain names with stable placeholders
 * --text / --markdown   print the ticket text instead of JSON
 * Reads src/generated/catalogue.json (run `npm run catalogue` first).
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Catalogue } from '../src/lib/catalogue/types.ts';
import { Redactor, classifyFile, decodeBundle, formatBundleText, formatReportMarkdown, formatReportText, redact, redactBundle } from '../src/lib/decode/index.ts';
import type { BundleReport, DecodeReport } from '../src/lib/decode/index.ts';
import { redactFileName } from '../src/lib/decode/redact.ts';
import { decodeBytes } from '../src/lib/input/encoding.ts';
import { decodeFile, refusedReport } from '../src/lib/input/file.ts';
import { FleetSummary, computerOf, fleetCsv, fleetMarkdown, redactFleet } from '../src/lib/fleet/fleet.ts';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const valueOf = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const outPrefix = valueOf('--out');
const fleetDir = valueOf('--fleet');
const inputs = args.filter((a, i) => (!a.startsWith('--') || a === '-') && args[i - 1] !== '--out' && args[i - 1] !== '--fleet');
if ((!inputs.length && !fleetDir) || flags.has('--help')) {
  console.error('usage: npm run decode -- <file|folder|-> [more…] [--redact] [--bundle] [--text|--markdown]\n       npm run decode -- --fleet DIR [--markdown|--csv] [--out PREFIX]');
  process.exit(flags.has('--help') ? 0 : 2);
}
const catPath = join(process.cwd(), 'src/generated/catalogue.json');
if (!existsSync(catPath)) {
  console.error('src/generated/catalogue.json is missing: run `npm run catalogue` first.');
  process.exit(1);
}
const catalogue = JSON.parse(readFileSync(catPath, 'utf8')) as Catalogue;

/** Every file under a folder (sorted, hidden files skipped); a file stays itself. */
function expand(p: string): string[] {
  if (p === '-') return [p];
  const st = statSync(p);
  if (!st.isDirectory()) return [p];
  return readdirSync(p)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .flatMap((n) => expand(join(p, n)));
}

/** Read a file in slices (stdin is read whole: it cannot be sliced). */
async function decodePath(f: string, hint?: ReturnType<typeof classifyFile>['kind']) {
  if (f === '-') {
    const b = new Uint8Array(readFileSync(0));
    return decodeFile((o, n) => b.subarray(o, o + n), b.length, 'stdin', catalogue, { hint: hint?.hint });
  }
  const size = statSync(f).size;
  const fd = openSync(f, 'r');
  try {
    const read = (o: number, n: number) => {
      const b = new Uint8Array(n);
      const got = readSync(fd, b, 0, n, o);
      return got === n ? b : b.subarray(0, got);
    };
    return await decodeFile(read, size, f, catalogue, { hint: hint?.hint });
  } finally {
    closeSync(fd);
  }
}

function readText(f: string): string {
  const r = decodeBytes(new Uint8Array(f === '-' ? readFileSync(0) : readFileSync(f)), f);
  if (!r.ok) throw new Error(r.message);
  return r.text;
}

const redactor = flags.has('--redact') ? new Redactor() : undefined;
const asText = flags.has('--text');
const asMd = flags.has('--markdown');

function out(report: DecodeReport): string | DecodeReport {
  if (asText) return formatReportText(report, { redact: !!redactor, redactor });
  if (asMd) return formatReportMarkdown(report, { redact: !!redactor, redactor });
  return redactor ? redact(report, redactor) : report;
}

async function fleet(dir: string): Promise<void> {
  const summary = new FleetSummary();
  const files = expand(dir);
  for (const f of files) {
    const rel = relative(dir, f) || f;
    const kind = classifyFile(rel).kind;
    const r = await decodePath(f, kind);
    summary.add(rel, computerOf(rel), r.kind, r.report, r.refused);
    process.stderr.write(`\r${summary.report().stats.files}/${files.length} files`);
  }
  process.stderr.write('\n');
  const report = redactor ? redactFleet(summary.report(), redactor) : summary.report();
  const json = JSON.stringify(report, null, 2) + '\n';
  if (outPrefix) {
    writeFileSync(`${outPrefix}.json`, json);
    writeFileSync(`${outPrefix}.md`, fleetMarkdown(report));
    writeFileSync(`${outPrefix}.csv`, fleetCsv(report));
    console.error(`wrote ${outPrefix}.json, ${outPrefix}.md, ${outPrefix}.csv`);
  }
  process.stdout.write(flags.has('--csv') ? fleetCsv(report) : asMd ? fleetMarkdown(report) : json);
}

async function main(): Promise<number> {
  if (fleetDir) {
    if (!existsSync(fleetDir) || !statSync(fleetDir).isDirectory()) throw new Error(`--fleet needs a folder: ${fleetDir}`);
    await fleet(fleetDir);
    return 0;
  }
  const files = inputs.flatMap(expand);
  // file names carry computer names (CLIENT01_ipsec_547_events.txt): learn them all before any output
  if (redactor) for (const f of files) redactFileName(f, redactor);
  if (flags.has('--bundle')) {
    const bundle: BundleReport = decodeBundle(
      files.map((f) => ({ name: f === '-' ? 'stdin.txt' : f, text: readText(f) })),
      catalogue,
    );
    if (asText || asMd) process.stdout.write(formatBundleText(bundle, { redact: !!redactor, redactor, markdown: asMd }));
    else {
      const b = redactor ? redactBundle(bundle, redactor) : bundle;
      process.stdout.write(JSON.stringify(b, null, 2) + '\n');
    }
    return 0;
  }
  let refused = 0;
  const results: { file: string; result: string | DecodeReport }[] = [];
  for (const f of files) {
    let report: DecodeReport;
    try {
      const r = await decodePath(f);
      if (r.refused) refused++;
      report = r.report;
    } catch (err) {
      refused++;
      report = refusedReport(`「${f}」を読めませんでした (${err instanceof Error ? err.message : String(err)})。`, 0);
    }
    results.push({ file: redactor ? redactor.text(f) : f, result: out(report) });
  }
  if (asText || asMd) for (const r of results) process.stdout.write((files.length > 1 ? `# ${r.file}\n` : '') + String(r.result) + '\n');
  else process.stdout.write(JSON.stringify(files.length === 1 ? results[0].result : results, null, 2) + '\n');
  // every file refused (binary, undecodable): say so in the exit code too
  return refused && refused === files.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`decode: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
