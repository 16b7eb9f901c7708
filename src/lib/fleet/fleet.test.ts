/** Fleet summary: failures across computers, from real decoder reports of constructed inputs. */
import { describe, expect, it } from 'vitest';
import { fixture, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decode } from '../decode/index.ts';
import { decodeEvtx } from '../evtx/index.ts';
import { buildEvtx } from '../evtx/testing/build-evtx.ts';
import { eventFields } from '../evtx/event-fields.ts';
import { FleetSummary, MAX_PEERS, computerOf, fleetCsv, fleetMarkdown } from './fleet.ts';
import type { DecodeReport } from '../decode/types.ts';
import { refusedReport } from '../input/file.ts';

const cat = testCatalogue();
const data = eventFields(fixture('event-4653.xml')).data;
const evtx4653 = (computer: string, peers: string[], start: string) =>
  decodeEvtx(
    buildEvtx(
      peers.map((peer, i) => ({
        provider: 'Microsoft-Windows-Security-Auditing',
        providerGuid: '{54849625-5478-4994-A5BA-3E3B0328C30D}',
        eventId: 4653,
        time: new Date(Date.parse(start) + i * 60_000).toISOString(),
        recordId: 100 + i,
        channel: 'Security',
        computer,
        data: data.map(([n, v]): [string, string] => [n, n === 'RemoteAddress' ? peer : v]),
      })),
    ),
    cat,
  );

describe('computerOf', () => {
  it('subfolder, IPsec_Debug prefix, name prefix', () => {
    expect(computerOf('CLIENT01/Security.evtx')).toBe('CLIENT01');
    expect(computerOf('CLIENT02_ipsec_547_events.txt')).toBe('CLIENT02');
    expect(computerOf('SRV7_security.xml')).toBe('SRV7');
    expect(computerOf('lonely.evtx')).toBe('lonely');
  });
});

describe('FleetSummary', () => {
  it('one failure seen on two computers: computers, peers, counts, first and last', () => {
    const s = new FleetSummary();
    s.add('CLIENT01/Security.evtx', 'CLIENT01', 'evtx', evtx4653('client01', ['10.0.0.5', '10.0.0.6', '10.0.0.5'], '2024-05-01T08:00:00Z'));
    s.add('CLIENT02/Security.evtx', 'CLIENT02', 'evtx', evtx4653('client02', ['10.0.0.5'], '2024-04-30T23:00:00Z'));
    s.add('CLIENT02/ping.txt', 'CLIENT02', 'text', decode(fixture('ping-en.txt'), cat));
    const r = s.report();
    expect(r.computers).toEqual(['CLIENT01', 'CLIENT02']);
    expect(r.stats).toEqual({ files: 3, records: 4, events: 4, damaged: 0 });
    const f = r.failures.find((x) => x.playbook?.id === 'ike-main-mode/no-policy-configured')!;
    expect(f.count).toBe(4);
    expect(f.computers.map((c) => [c.computer, c.count])).toEqual([
      ['CLIENT01', 3],
      ['CLIENT02', 1],
    ]);
    expect(f.first).toMatch(/^2024-04-30T23:00:00/);
    expect(f.last).toMatch(/^2024-05-01T08:02:00/);
    expect(f.peers.length).toBeGreaterThan(0);
    const md = fleetMarkdown(r);
    expect(md).toContain('| CLIENT01 | 3 |');
    const csv = fleetCsv(r).split('\r\n');
    expect(csv[0]).toBe('failure,playbook,event_id,computer,count,peers,first,last');
    expect(csv.some((l) => l.includes('ike-main-mode/no-policy-configured') && l.includes(',CLIENT02,1,'))).toBe(true);
  });

  it('memory follows the summary: peers beyond the cap are counted, not kept', () => {
    const s = new FleetSummary();
    const rep = (peer: string): DecodeReport => ({
      ...refusedReport('', 1),
      stats: { findings: 1, events: 1, unrecognised: 0 },
      summary: [{ key: 'k', kind: 'event', title: 't', count: 1, peer, first: '2024-01-01T00:00:00Z', last: '2024-01-01T00:00:00Z' }],
    });
    for (let i = 0; i < MAX_PEERS + 30; i++) s.add(`a${i}.txt`, 'A', 'text', rep(`10.0.${i >> 8}.${i & 255}`));
    const f = s.report().failures[0];
    expect(f.count).toBe(MAX_PEERS + 30);
    expect(f.computers[0].peers.length).toBe(MAX_PEERS);
    expect(f.computers[0].morePeers).toBe(30);
  });

  it('CSV quotes commas and quotes', () => {
    const s = new FleetSummary();
    s.add('x.txt', 'X', 'text', { ...refusedReport('', 1), summary: [{ key: 'k', kind: 'message', title: 'a, "b"', count: 2 }] });
    expect(fleetCsv(s.report()).split('\r\n')[1]).toBe('"a, ""b""",,,X,2,,,');
  });
});
