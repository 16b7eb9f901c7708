import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { testCatalogue } from '../../test/fixtures/decode/test-catalogue.ts';
import { decode } from '../lib/decode/index.ts';
import type { DecodeReport } from '../lib/decode/types.ts';
import { DecodeReportSchema } from './report.ts';

// Compile-time: the published schema and the library's type describe the same object, both ways.
type FromSchema = z.infer<typeof DecodeReportSchema>;
const toSchema = (r: DecodeReport): FromSchema => r;
const fromSchema = (r: FromSchema): DecodeReport => r;
void toSchema;
void fromSchema;

describe('the published report schema', () => {
  const cat = testCatalogue();
  const pastes = [
    '',
    'Event ID: 547\nSource: Security\nDescription:\nIKE security association negotiation failed.\nFailure Reason:\nNo response from peer',
    'Log Name: Application\nSource: RasClient\nEvent ID: 20227\nDescription:\nThe user X dialed a connection named VPN which has failed. The error code returned on failure is 809.',
    'Dec 24 19:16:51 host charon: 03[NET] received packet: from 192.0.2.1[500] to 198.51.100.2[500]',
  ];
  it('accepts every real report the decoder produces', () => {
    for (const p of pastes) {
      const res = DecodeReportSchema.safeParse(JSON.parse(JSON.stringify(decode(p, cat))));
      expect(res.success, res.success ? '' : JSON.stringify(res.error.issues.slice(0, 3))).toBe(true);
    }
  });
  it('rejects a report without its verdict', () => {
    const r = JSON.parse(JSON.stringify(decode(pastes[1], cat)));
    delete r.verdict;
    expect(DecodeReportSchema.safeParse(r).success).toBe(false);
  });
});
