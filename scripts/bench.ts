/**
 * Decoder benchmark (npm run bench). Generates three inputs in memory and times decode() on each
 * against a bare text.split('\n') over the same input in the same run:
 *   (a) an Event Viewer tab-separated export of 10,000 events (mixed 547 / 541 / 4285, multi-line descriptions)
 *   (b) a 50,000-line Oakley.log
 *   (c) 1 MB of adversarial text (long lines, repeated partial labels, nested-looking XML, many digits)
 * and the time for a single pasted event (median of 200 runs). Goal: <= 10x split, < 5 ms per event.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue } from '../src/lib/catalogue/types.ts';
import { decode } from '../src/lib/decode/index.ts';

const catPath = join(process.cwd(), 'src/generated/catalogue.json');
if (!existsSync(catPath)) {
  console.error('src/generated/catalogue.json is missing: run `npm run catalogue` first.');
  process.exit(1);
}
const catalogue = JSON.parse(readFileSync(catPath, 'utf8')) as Catalogue;

const REASONS = ['No response from peer', 'Negotiation timed out', 'IKE authentication credentials are unacceptable', 'No policy configured', 'Failed to authenticate using Kerberos'];

function ev547(i: number): string {
  const peer = `10.${(i >> 8) & 255}.${i & 255}.${(i * 7) & 255}`;
  return `Failure Audit\t7/${1 + (i % 28)}/2005\t${1 + (i % 12)}:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')} AM\tSecurity\tLogon/Logoff \t547\tNT AUTHORITY\\NETWORK SERVICE\tSERVER${i % 50}\tIKE security association negotiation failed.
 Mode: 
Key Exchange Mode (Main Mode)
 Filter: 
Source IP Address 192.168.0.10
Source IP Address Mask 255.255.255.255
Destination IP Address ${peer}
Destination IP Address Mask 255.255.255.255
Protocol 0
Source Port 0
Destination Port 0
IKE Local Addr 192.168.0.10
IKE Peer Addr ${peer}
 Peer Identity: 
Kerberos based Identity: host/server${i % 50}.example.com
Peer IP Address: ${peer}
 Failure Point: 
Me
 Failure Reason: 
${REASONS[i % REASONS.length]}
 Extra Status: 
Sent first (SA) payload
Initiator.  Delta Time 63
`;
}

/**
 * Quick mode parameters of a 541: half of them a soft SA (no algorithm, outbound SPI 0, the
 * 300-second soft-SA lifetime), the others ESP with integrity only, as domain isolation uses.
 * Windows prints these lines in this order; the values are generated, not taken from the chapter.
 */
const QM_PARAMS = [
  { esp: 'None', hmac: 'None', ah: 'None', encap: 'None', soft: true, life: 300, kb: 0 },
  { esp: 'None', hmac: 'SHA1', ah: 'None', encap: 'Transport Mode', soft: false, life: 3600, kb: 100000 },
];

/** A different, plausible 32-bit SPI for every SA (decimal and hex agree). */
function spi(i: number, salt: number): number {
  return (Math.imul(i + salt, 2654435761) | 0x100) >>> 0;
}

function ev541(i: number): string {
  const q = QM_PARAMS[(i >> 1) & 1];
  const inbound = spi(i, 0x5a17);
  const outbound = q.soft ? 0 : spi(i, 0x3c09);
  return `Success Audit\t7/${1 + (i % 28)}/2005\t10:07:31 AM\tSecurity\tLogon/Logoff \t541\tNT AUTHORITY\\NETWORK SERVICE\tSERVER${i % 50}\tIKE security association established.
 Mode: 
Data Protection Mode (Quick Mode)
 Peer Identity: 
Preshared key ID.
Peer IP Address: 192.168.1.${i & 255}
 Filter: 
Source IP Address 192.168.0.10
Destination IP Address 192.168.1.${i & 255}
 Parameters: 
ESP Algorithm ${q.esp}
HMAC Algorithm ${q.hmac}
AH Algorithm ${q.ah}
Encapsulation ${q.encap}
InboundSpi ${inbound} (0x${inbound.toString(16)})
OutBoundSpi ${outbound} (0x${outbound.toString(16)})
Lifetime (sec) ${q.life}
Lifetime (kb) ${q.kb}
`;
}

function ev4285(i: number): string {
  return `Error\t7/${1 + (i % 28)}/2005\t11:15:00 AM\tIPSec\tNone\t4285\tN/A\tSERVER${i % 50}\tFailed to authenticate the hash for ${1 + (i % 9)} packet(s) received from 192.168.2.${i & 255}.
This could be a temporary glitch; if it persists please stop and restart the IPSec Policy Agent service on this machine.
`;
}

function genExport(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(i % 3 === 0 ? ev547(i) : i % 3 === 1 ? ev541(i) : ev4285(i));
  return parts.join('');
}

function genOakley(lines: number): string {
  const out: string[] = [];
  let i = 0;
  let sa = 0x000e1a48;
  while (out.length < lines) {
    const peer = `192.168.${(i >> 8) & 255}.${i & 255}`;
    const t = (k: number) => ` 7-21: 10:${String((i >> 6) % 60).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}:281:c0 `;
    const h = sa.toString(16).toUpperCase().padStart(8, '0');
    out.push(
      `${t(0)}Acquire from driver: op=0000000A src=192.168.0.10.0 dst=${peer}.0 proto = 0, SrcMask=255.255.255.255, DstMask=255.255.255.255`,
      `${t(0)}Filter to match: Src ${peer} Dst 192.168.0.10`,
      `${t(0)}MM PolicyName: Domain Isolation`,
      `${t(0)}Starting Negotiation: src = 192.168.0.10.500, dst = ${peer}.500, proto = 00, context = 00000710`,
      `${t(0)}constructing ISAKMP Header`,
      `${t(0)}constructing SA (ISAKMP)`,
      `${t(1)}Sending: SA = 0x${h} to ${peer}:Type 2.500`,
      `${t(1)}ISAKMP Header: (V1.0), len = 276`,
      `${t(1)}  I-COOKIE ${(i * 2654435761 >>> 0).toString(16).padStart(16, '0')}`,
      `${t(1)}  R-COOKIE 0000000000000000`,
      `${t(1)}  exchange: Oakley Main Mode`,
      `${t(1)}  flags: 0`,
      `${t(1)}  next payload: SA`,
      `${t(1)}  message ID: 00000000`,
      `${t(2)}retransmit: sa = ${h} centry 00000000 , count=1`,
      `${t(3)}retransmit: sa = ${h} centry 00000000 , count=2`,
    );
    if (i % 4 === 0) out.push(`${t(9)}SA Dead. sa:${h} status:35ed`, `${t(9)}isadb_set_status sa:${h} centry:00000000 status 35ed`, `${t(9)}Negotiation timed out`);
    else out.push(`${t(4)}Phase 1 SA accepted: auth=Kerberos`);
    i++;
    sa += 0x110;
  }
  return out.slice(0, lines).join('\n') + '\n';
}

function genAdversarial(bytes: number): string {
  const pieces = [
    'Failure Reason: Failure Reason: Failure Rea',
    ' Mode: Mode: Mode: Filter: Filter: Peer Identity: ',
    '<Event><Event><Event><System><Provider Name="x"><EventID>547<EventID>',
    '0x35E9 13801 -2147011095 0x800735E9 4285 547 192.168.0.1 ',
    'IKE security association negotiation IKE security association negotiation ',
    'Received 5 packet(s) with a bad Received 5 packet(s) from from from ',
    'PAStore Engine は PAStore Engine は ディレクトリ記憶域 IPSec ポリシー "',
    '"""",,,,\t\t\tFailure Audit,7/21/2005,',
    '1234567890'.repeat(20),
    ' 7-21: 10:43:17:281:c0 SA Dead. sa:000E1A48 status:',
    'Event ID: Event ID: イベント ID: 説明: Description:',
    'a'.repeat(3000),
  ];
  const out: string[] = [];
  let size = 0;
  let k = 0;
  while (size < bytes) {
    let line = '';
    // a mix of very long lines and short ones
    const long = k % 7 === 0;
    const count = long ? 400 : 1 + (k % 5);
    for (let j = 0; j < count; j++) line += pieces[(k + j * 3) % pieces.length];
    out.push(line);
    size += line.length + 1;
    k++;
  }
  return out.join('\n').slice(0, bytes);
}

function time(fn: () => void, reps: number): number {
  const ts: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)];
}

const MB = 1024 * 1024;
// Re-read through a Buffer so each input is one flat string, as a file read or a browser paste is;
// strings built by concatenation or slicing cost the decoder (not split) an extra hop per character.
const flat = (s: string) => Buffer.from(s, 'utf8').toString('utf8');
const inputs: Array<[string, string]> = [
  ['(a) 10,000 events (547/541/4285 export)', flat(genExport(10_000))],
  ['(b) 50,000-line Oakley.log', flat(genOakley(50_000))],
  ['(c) 1 MB adversarial text', flat(genAdversarial(MB))],
];

// warm up the catalogue index and the JIT
decode(ev547(1), catalogue);
decode(inputs[2][1].slice(0, 50_000), catalogue);

console.log('decoder benchmark (Node ' + process.version + ')');
const rows: string[] = [];
let worst = 0;
for (const [label, text] of inputs) {
  const sizeMB = Buffer.byteLength(text) / MB;
  const splitMs = time(() => void text.split('\n').length, 9);
  let report = decode(text, catalogue, { maxBytes: 64 * MB });
  const decodeMs = time(() => void (report = decode(text, catalogue, { maxBytes: 64 * MB })), 9);
  const ratio = decodeMs / splitMs;
  worst = Math.max(worst, ratio);
  rows.push(
    `${label}\n  size ${sizeMB.toFixed(2)} MB, ${text.split('\n').length} lines\n` +
      `  split: ${splitMs.toFixed(2)} ms (${(sizeMB / (splitMs / 1000)).toFixed(1)} MB/s)\n` +
      `  decode: ${decodeMs.toFixed(1)} ms (${(sizeMB / (decodeMs / 1000)).toFixed(1)} MB/s)  ratio ${ratio.toFixed(1)}x\n` +
      `  findings kept ${report.findings.length}, total ${report.stats.findings}, events ${report.stats.events}, summary groups ${report.summary.length}, unrecognised ${report.stats.unrecognised}, notices ${report.notices.length}`,
  );
}
for (const r of rows) console.log(r);
const single = ev547(42).split('\t').slice(8).join('\t');
const singleMs = time(() => void decode(single, catalogue), 200);
const dialog = `Event Type:\tFailure Audit\nEvent Source:\tSecurity\nEvent ID:\t547\nDescription:\n${single}`;
const dialogMs = time(() => void decode(dialog, catalogue), 200);
console.log(`single pasted event: description ${singleMs.toFixed(3)} ms, dialog copy ${dialogMs.toFixed(3)} ms (median of 200)`);
console.log(`goal: <= 10x split (worst ${worst.toFixed(1)}x: ${worst <= 10 ? 'met' : 'NOT met'}), < 5 ms per event (${Math.max(singleMs, dialogMs) < 5 ? 'met' : 'NOT met'})`);

// ---- .evtx (src/lib/evtx): throughput and peak memory beside the text paths, with libevtx's
// evtxexport timed on the same files in the same run (skipped with a note when it is absent).
// Files: the real samples (../shared/evtx-samples) and one large file made of security.evtx's
// chunks repeated (chunks are self-contained), `--evtx-mb N` MB (default 24; 100 shows that memory
// stays bounded: the reader holds one 64 KiB chunk and one batch of rendered XML at a time).
await (async () => {
  const { execFileSync, spawnSync } = await import('node:child_process');
  const fs = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { decodeEvtxSlices, readEvtx } = await import('../src/lib/evtx/index.ts');
  const samples = [join(process.cwd(), '..', 'shared', 'evtx-samples'), '/work/shared/evtx-samples'].find((d) => existsSync(d));
  if (!samples) {
    console.log('.evtx: samples folder ../shared/evtx-samples not found, skipped');
    return;
  }
  const argMb = process.argv.indexOf('--evtx-mb');
  const bigMb = argMb > 0 ? Number(process.argv[argMb + 1]) : 24;
  const src = new Uint8Array(fs.readFileSync(join(samples, 'security.evtx')));
  const chunks = Math.max(1, Math.round((bigMb * MB - 4096) / 65536));
  const srcChunks = Math.floor((src.length - 4096) / 65536);
  const bigPath = join(tmpdir(), `bench-${bigMb}mb.evtx`);
  const fd = fs.openSync(bigPath, 'w');
  fs.writeSync(fd, src.subarray(0, 4096));
  for (let i = 0; i < chunks; i++) fs.writeSync(fd, src.subarray(4096 + (i % srcChunks) * 65536, 4096 + ((i % srcChunks) + 1) * 65536));
  fs.closeSync(fd);
  let haveRef = true;
  try {
    execFileSync('evtxexport', ['-V'], { stdio: 'ignore' });
  } catch {
    haveRef = false;
    console.log('.evtx: evtxexport (Debian libevtx-utils) not installed: reference timings skipped (apt-get install libevtx-utils)');
  }
  const files = ['security.evtx', 'system.evtx', 'sample_with_a_bad_chunk_magic.evtx'].map((f) => join(samples, f)).concat(bigPath);
  console.log(`.evtx benchmark (read = parse + render event XML; decode = read + decoder, streamed in 64 KiB chunks)`);
  for (const path of files) {
    const size = fs.statSync(path).size;
    const sizeMB = size / MB;
    const fdr = fs.openSync(path, 'r');
    const read = (o: number, n: number) => {
      const b = new Uint8Array(n);
      fs.readSync(fdr, b, 0, n, o);
      return b;
    };
    globalThis.gc?.();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    const sampleMem = () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    const t0 = performance.now();
    const rep = await decodeEvtxSlices(read, size, catalogue, { onProgress: sampleMem });
    const decodeMs = performance.now() - t0;
    fs.closeSync(fdr);
    let readMs = NaN;
    if (size < 8 * MB) {
      const bytes = new Uint8Array(fs.readFileSync(path));
      const t1 = performance.now();
      readEvtx(bytes);
      readMs = performance.now() - t1;
    }
    let ref = '';
    if (haveRef) {
      const t2 = performance.now();
      const r = spawnSync('evtxexport', ['-f', 'xml', path], { stdio: ['ignore', 'ignore', 'ignore'] });
      const refMs = performance.now() - t2;
      ref = `\n  evtxexport -f xml: ${refMs.toFixed(0)} ms (${(sizeMB / (refMs / 1000)).toFixed(1)} MB/s)${r.status ? ` exit ${r.status}` : ''}`;
    }
    console.log(
      `${path.split('/').pop()} (${sizeMB.toFixed(1)} MB, ${rep.stats.records} records, ${rep.stats.damaged.length} damaged)\n` +
        (Number.isNaN(readMs) ? '' : `  read: ${readMs.toFixed(0)} ms (${(sizeMB / (readMs / 1000)).toFixed(1)} MB/s)\n`) +
        `  decode: ${decodeMs.toFixed(0)} ms (${(sizeMB / (decodeMs / 1000)).toFixed(1)} MB/s), peak RSS +${((peakRss - base.rss) / MB).toFixed(0)} MB, peak heap +${((peakHeap - base.heapUsed) / MB).toFixed(0)} MB` +
        ref,
    );
  }
  fs.rmSync(bigPath, { force: true });
})();
