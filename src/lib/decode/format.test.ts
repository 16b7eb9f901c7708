import { describe, expect, it } from 'vitest';
import { fixture, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decode, formatReportMarkdown, formatReportText, playbookHref } from './index.ts';

const cat = testCatalogue();

describe('ticket text', () => {
  const r = decode(fixture('events-export.csv'), cat);
  it('plain text has the findings, links with the section anchor, summary', () => {
    const t = formatReportText(r, { baseUrl: 'https://kb.example.invalid' });
    expect(t).toContain('IPsec デコード結果');
    expect(t).toContain('まず確認すること');
    expect(t).toContain('https://kb.example.invalid/ike-main-mode/no-response/#%E5%AF%BE%E5%87%A6');
    expect(t).toContain('集計:');
    expect(t).toContain('× 2');
  });
  it('markdown escapes and builds tables', () => {
    const m = formatReportMarkdown(r);
    expect(m).toContain('## IPsec デコード結果');
    expect(m).toContain('| 項目 | 値 |');
    expect(m).toContain('](/ike-main-mode/no-response/#');
    expect(m).not.toContain('\\|\\|');
  });
  it('playbookHref encodes the anchor', () => {
    expect(playbookHref({ id: 'a/b', url: '/a/b/', anchor: '症状', title: 'x' })).toBe('/a/b/#%E7%97%87%E7%8A%B6');
  });
});

describe('Markdown escaping of pasted values', () => {
  it('a computer name with | ` * cannot break the table or start code; unrecognised text keeps its backticks in one fence', () => {
    const t = 'Event Type:\tFailure Audit\nEvent Source:\tSecurity\nEvent ID:\t547\nUser:\tNT AUTHORITY\\SYSTEM\nComputer:\tPC|`01*\nDescription:\nIKE security association negotiation failed.\n Failure Reason: \nNo response from peer\n\n\nzzz ``` qqq\n# not a heading\n';
    const m = formatReportMarkdown(decode(t, cat));
    expect(m).toContain('| PC\\|\\`01\\* |');
    expect(m).toContain('````text\nzzz ``` qqq\n# not a heading');
    expect(m).not.toContain("'''");
  });
});

describe('the verdict leads every text and Markdown report', () => {
  it('prints the verdict word, reason and page before the findings', async () => {
    const { decode, formatReportText, formatReportMarkdown } = await import('./index.ts');
    const { testCatalogue } = await import('../../../test/fixtures/decode/test-catalogue.ts');
    const r = decode('Source: RasClient\nEvent ID: 20227\nDescription:\nThe user X dialed a connection named Office which has failed. The error code returned on failure is 809.', testCatalogue());
    const text = formatReportText(r);
    expect(text.split('\n')[1]).toBe('判定: IPsec VPN の問題 (ドメイン分離とは別の構成・別の担当) (vpn)');
    const md = formatReportMarkdown(r);
    expect(md).toContain('- **判定: IPsec VPN の問題 (ドメイン分離とは別の構成・別の担当)** (vpn)');
    expect(md.indexOf('判定')).toBeLessThan(md.indexOf('### 検出'));
  });
});
