import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import { buildPacket, EMPTY_FIELDS, escapeMd, fence, formatTimestamp, packetState, type PacketFields } from './packet.ts';
import { describeLink, describePath } from './path.ts';
import { DRAFT_KEY, parseDraft, serializeDraft } from './draft.ts';
import { charts } from './fixtures.ts';

const fields = (over: Partial<PacketFields> = {}): PacketFields => ({ ...EMPTY_FIELDS, files: [...EMPTY_FIELDS.files], ...over });
const link = new URLSearchParams('chart=flowcharts/target&path=refresh_not-fixed&prev=flowcharts/first:ping_ok.who_ok');

describe('describePath', () => {
  it('turns answer keys back into questions and answers, across a hand-over', () => {
    const paths = describeLink(charts(), link);
    expect(paths.map((p) => p.figure)).toEqual(['7.1', '7.3']);
    expect(paths[0].steps).toEqual([
      { tag: 'Q1', question: '対象に ping が通りますか?', answer: 'はい' },
      { tag: 'Q2', question: 'テスト用コンピュータには接続できますか?', answer: 'はい、対象だけ駄目' },
    ]);
    expect(paths[0].end).toEqual({ kind: 'goto', figure: '7.3', title: '対象コンピュータ' });
    expect(paths[1].end).toMatchObject({ kind: 'outcome', state: 'unfixed' });
  });

  it('cuts a damaged path and says so; ignores unknown charts', () => {
    const p = describePath(charts(), 'flowcharts/first', 'ping_ok.who_maybe')!;
    expect(p.complete).toBe(false);
    expect(p.steps).toHaveLength(1);
    expect(p.end).toEqual({ kind: 'open', question: 'Q2 テスト用コンピュータには接続できますか?' });
    expect(describePath(charts(), 'flowcharts/none', 'x')).toBeUndefined();
    expect(describeLink(charts(), new URLSearchParams('prev=<script>:x'))).toEqual([]);
  });
});

describe('buildPacket', () => {
  const paths = describeLink(charts(), link);
  const f = fields({
    caller: 'PC123',
    target: 'SRV01',
    occurred: '今朝 9:10 ごろ',
    summary: 'SRV01 の共有 \\\\SRV01\\share を開けない。192.168.0.20 には ping が通る。',
    findings: 'Event 547 from 192.168.0.10 to 192.168.0.20\nPeer: host/srv01.corp.example.com\nCORP\\yamada',
    files: ['<コンピュータ名>_oakley.log', '<コンピュータ名>_<サーバー名>_ping.txt'],
  });

  it('contains what the chapter says tier 1 hands over, the path, the end state and the time', () => {
    const p = buildPacket(f, paths, { redact: false, createdAt: '2025-06-02 14:03 (UTC+09:00)', link: 'https://kb/flowcharts/target/?path=refresh_not-fixed' });
    expect(p.state).toBe('unfixed');
    expect(p.plain).toContain('【IPsec エスカレーション: 未修正 — 対象との IPsec の問題 (未解決)】');
    expect(p.plain).toContain('作成日時: 2025-06-02 14:03 (UTC+09:00)');
    expect(p.plain).toContain('連絡者のコンピューター: PC123');
    expect(p.plain).toContain('アクセスを拒否した対象コンピューター: SRV01');
    expect(p.plain).toContain('終了状態: 未修正 (ティア 2 へエスカレーション)');
    expect(p.plain).toContain('図 7.1 最初の切り分け\n  1. Q1 対象に ping が通りますか? → はい\n  2. Q2 テスト用コンピュータには接続できますか? → はい、対象だけ駄目\n  → 図 7.3「対象コンピュータ」へ進んだ');
    expect(p.plain).toContain('  結果: 未修正 — 対象との IPsec の問題 (未解決)');
    expect(p.plain).toContain('- PC123_oakley.log\n- PC123_SRV01_ping.txt');
    expect(p.plain).toContain('Event 547 from 192.168.0.10');
    expect(p.plain).toContain('同じ経路を開くリンク (回答のみ): https://kb/flowcharts/target/?path=refresh_not-fixed');
    expect(p.entries).toEqual([]);
  });

  it('redacts every address and name the agent typed or pasted, consistently', () => {
    const p = buildPacket({ ...f, user: 'yamada', domain: 'CORP' }, paths, { redact: true, createdAt: 't' });
    for (const text of [p.plain, p.markdown]) {
      expect(text).not.toMatch(/192\.168|PC123|SRV01|srv01|yamada|CORP\\|example\.com/i);
    }
    expect(p.plain).toContain('連絡者のコンピューター: <HOST-1>');
    expect(p.plain).toContain('アクセスを拒否した対象コンピューター: <HOST-2>');
    expect(p.plain).toContain('- <HOST-1>_oakley.log\n- <HOST-1>_<HOST-2>_ping.txt');
    expect(p.plain).toContain('\\\\<HOST-2>\\share');
    expect(p.plain).toContain('Peer: host/<HOST-2>.<DOMAIN-2>');
    expect(p.plain).toContain('伏せ字: あり');
    // The site's own wording is untouched.
    expect(p.plain).toContain('Q1 対象に ping が通りますか? → はい');
    expect(p.entries.map((e) => e.placeholder)).toContain('<IP-1>');
  });

  it('writes Markdown with escaped placeholders and the findings in a text block', () => {
    const p = buildPacket(f, paths, { redact: true, createdAt: 't' });
    expect(p.markdown).toMatch(/^## IPsec エスカレーション: 未修正/);
    expect(p.markdown).toContain('- **連絡者のコンピューター**: \\<HOST-1\\>');
    expect(p.markdown).toContain('1. Q1 対象に ping が通りますか? → はい');
    expect(p.markdown).toContain('- `<HOST-1>_oakley.log`');
    expect(p.markdown).toContain('```text\nEvent 547 from <IP-2> to <IP-1>');
    expect(p.markdown).not.toMatch(/\n{3,}/);
  });

  it('writes the flowchart steps as a real ordered list, one per path, with the end of the path after it', () => {
    const p = buildPacket(f, paths, { redact: false, createdAt: 't' });
    expect(p.markdown).not.toMatch(/^\\\d/m);
    const tree = unified().use(remarkParse).parse(p.markdown);
    const lists = tree.children.filter((n) => n.type === 'list' && n.ordered);
    expect(lists.map((l) => (l as { children: unknown[] }).children.map((i) => toString(i)))).toEqual([
      ['Q1 対象に ping が通りますか? → はい', 'Q2 テスト用コンピュータには接続できますか? → はい、対象だけ駄目'],
      ['Q1 更新で直りましたか? → いいえ'],
    ]);
    const paras = tree.children.filter((n) => n.type === 'paragraph').map((n) => toString(n));
    expect(paras).toContain('→ 図 7.3「対象コンピュータ」へ進んだ');
    expect(paras.some((t) => t.startsWith('結果: 未修正 — '))).toBe(true);
  });

  it('uses the chosen end state when no path ends in an outcome, and says when nothing was entered', () => {
    const p = buildPacket(fields({ state: 'fixed-unidentified', files: [] }), [], { redact: false, createdAt: 't' });
    expect(p.state).toBe('fixed-unidentified');
    expect(p.plain).toContain('連絡者のコンピューター: (未記入)');
    expect(p.plain).toContain('(フローチャートを使っていない)');
    expect(p.plain).toContain('■ 添付する IPsec_Debug.vbs のファイル (連絡者のコンピューターで作成)\n(なし)');
    expect(packetState([], '')).toBe('unfixed');
  });
});

describe('helpers', () => {
  it('formats the time with its UTC offset', () => {
    expect(formatTimestamp(new Date('2025-06-02T05:03:59Z'), 540)).toBe('2025-06-02 14:03 (UTC+09:00)');
    expect(formatTimestamp(new Date('2025-01-01T00:30:00Z'), -90)).toBe('2024-12-31 23:00 (UTC-01:30)');
  });
  it('escapes Markdown and fences pasted text safely', () => {
    expect(escapeMd('<HOST-1> *a* # 1. x')).toBe('\\<HOST-1\\> \\*a\\* \\# 1. x');
    expect(escapeMd('- item')).toBe('\\- item');
    expect(fence('a ``` b')).toBe('````text\na ``` b\n````');
  });
});

describe('drafts', () => {
  it('round-trips a draft', () => {
    const d = { savedAt: '2025-06-02 14:03', fields: fields({ caller: 'PC1', state: 'unfixed' as const }), redact: true, link: 'chart=flowcharts/first&path=ping_ok' };
    expect(parseDraft(serializeDraft(d))).toEqual(d);
    expect(DRAFT_KEY).toMatch(/draft/);
  });
  it('refuses damaged or foreign values and drops unknown fields', () => {
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft('{')).toBeNull();
    expect(parseDraft('{"v":2}')).toBeNull();
    const d = parseDraft(JSON.stringify({ v: 1, savedAt: 'x', fields: { caller: 5, target: 'S', state: 'evil', files: ['a', '<コンピュータ名>_oakley.log'], extra: 'x' }, link: 'javascript:alert(1)<' }))!;
    expect(d.fields.caller).toBe('');
    expect(d.fields.target).toBe('S');
    expect(d.fields.state).toBe('');
    expect(d.fields.files).toEqual(['<コンピュータ名>_oakley.log']);
    expect(d.link).toBe('');
    expect('extra' in d.fields).toBe(false);
  });
});

describe('Markdown escaping of typed values', () => {
  it('a backtick in a computer name does not end the file-name code span', () => {
    const p = buildPacket(fields({ caller: 'PC`01', target: 'SRV*1', files: ['<コンピュータ名>_oakley.log'] }), [], { redact: false, createdAt: 'now' });
    expect(p.markdown).toContain('- ``PC`01_oakley.log``');
    expect(p.markdown).toContain('- **アクセスを拒否した対象コンピューター**: SRV\\*1');
    expect(p.markdown).toContain('- **連絡者のコンピューター**: PC\\`01');
  });
  it('a pasted finding with a backtick fence stays inside one block', () => {
    const p = buildPacket(fields({ findings: 'a\n```\n# not a heading' }), [], { redact: false, createdAt: 'now' });
    expect(p.markdown).toContain('````text\na\n```\n# not a heading\n````');
  });
});
