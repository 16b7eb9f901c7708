/** A two-flowchart set for the packet tests (shaped like what the packet page ships). */
import type { PacketChart } from './path.ts';

export function charts(): Record<string, PacketChart> {
  return {
    'flowcharts/first': {
      id: 'flowcharts/first',
      figure: '7.1',
      title: '最初の切り分け',
      start: 'ping',
      nodes: {
        ping: { tag: 'Q1', question: '対象に ping が通りますか?', answers: [{ key: 'ok', label: 'はい', next: 'who' }, { key: 'ng', label: 'いいえ', outcome: 'net' }] },
        who: { tag: 'Q2', question: 'テスト用コンピュータには接続できますか?', answers: [{ key: 'ok', label: 'はい、対象だけ駄目', goto: 'flowcharts/target' }] },
      },
      outcomes: { net: { state: 'unfixed', title: 'ネットワークの問題', action: 'ティア 2 へ。' } },
    },
    'flowcharts/target': {
      id: 'flowcharts/target',
      figure: '7.3',
      title: '対象コンピュータ',
      start: 'refresh',
      nodes: {
        refresh: { tag: 'Q1', question: '更新で直りましたか?', answers: [{ key: 'fixed', label: 'はい', outcome: 'ok' }, { key: 'not-fixed', label: 'いいえ', outcome: 'esc' }] },
      },
      outcomes: {
        ok: { state: 'fixed-unidentified', title: '更新で解決', action: '記録する。' },
        esc: { state: 'unfixed', title: '対象との IPsec の問題 (未解決)', action: 'IPsec_Debug.vbs を実行してもらい、ティア 2 へ。' },
      },
    },
  };
}
