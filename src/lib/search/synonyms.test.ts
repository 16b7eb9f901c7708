import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { foldWord, matchSynonyms, SYNONYMS } from './synonyms.ts';

const ids = (q: string) => matchSynonyms(q).pages.map((m) => m.page.id);

describe('search synonyms (content/data/search-synonyms.json)', () => {
  it('finds the social-engineering guide from 「なりすまし」 in any width or wording', () => {
    expect(ids('なりすまし')[0]).toBe('guides/social-engineering');
    expect(ids('なりすましの電話が来た')).toContain('guides/social-engineering');
    expect(ids('成りすまし')[0]).toBe('guides/social-engineering');
    expect(ids('Social Engineering')[0]).toBe('guides/social-engineering');
    expect(ids('ｓｏｃｉａｌ　ｅｎｇｉｎｅｅｒｉｎｇ')[0]).toBe('guides/social-engineering');
    expect(matchSynonyms('なりすまし').expansions).toEqual(['ソーシャル エンジニアリング']);
  });

  it('sends everyday connection complaints to flowchart 7.1, and VPN ones to the VPN guide first', () => {
    expect(ids('サーバーにつながらない')[0]).toBe('flowcharts/first-diagnosis');
    expect(ids('共有フォルダーが開けない')[0]).toBe('flowcharts/first-diagnosis');
    // the longer, more specific word wins: 「VPN につながらない」 over 「つながらない」
    expect(ids('VPN につながらない')[0]).toBe('guides/vpn-vs-isolation');
    expect(ids('VPNにつながらない')).toContain('flowcharts/first-diagnosis');
  });

  it('matches nothing for unrelated words, empty queries and long pastes', () => {
    expect(matchSynonyms('ピアから応答がありません').pages).toEqual([]);
    expect(matchSynonyms('').pages).toEqual([]);
    expect(matchSynonyms('なりすまし'.padEnd(60, 'あ')).pages).toEqual([]);
  });

  it('names only pages that exist, by their exact titles, with no duplicate word', () => {
    const seen = new Set<string>();
    for (const e of SYNONYMS) {
      expect(e.words.length).toBeGreaterThan(0);
      for (const w of e.words) {
        expect(foldWord(w).length, w).toBeGreaterThanOrEqual(2);
        expect(seen.has(foldWord(w)), `duplicate word ${w}`).toBe(false);
        seen.add(foldWord(w));
      }
      for (const p of e.pages) {
        const file = [`playbooks/${p.id}.mdx`, `content/${p.id}.mdx`].find((f) => existsSync(f));
        expect(file, p.id).toBeDefined();
        const title = /^title:\s*'?(.*?)'?\s*$/m.exec(readFileSync(file!, 'utf8'))?.[1];
        expect(p.title, p.id).toBe(title);
      }
    }
  });
});
