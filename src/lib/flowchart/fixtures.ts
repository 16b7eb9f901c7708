/** Small flowcharts for the unit tests (not shipped to the browser). */
import type { FlowchartData } from './types.ts';

/** A good chart: two questions in a row, a branch that skips a row, three endings and a hand-over. */
export function goodChart(): FlowchartData {
  return {
    figure: '7.9',
    start: 'ping',
    nodes: {
      ping: {
        question: '対象に ping が通りますか?',
        answers: [
          { label: 'はい', key: 'ok', next: 'name' },
          { label: 'いいえ', key: 'ng', outcome: 'network' },
        ],
      },
      name: {
        question: '名前が解決できますか?',
        answers: [
          { label: 'はい', key: 'ok', next: 'app' },
          { label: 'いいえ', key: 'ng', next: 'refresh' },
        ],
      },
      app: {
        question: 'ほかのアプリケーションは動きますか?',
        answers: [
          { label: 'はい', key: 'ok', outcome: 'application' },
          { label: 'いいえ', key: 'ng', next: 'refresh' },
        ],
      },
      refresh: {
        question: 'ポリシーを更新すると直りますか?',
        sensitive: ['policy-details'],
        answers: [
          { label: 'はい', key: 'ok', outcome: 'refreshed' },
          { label: 'いいえ', outcome: 'network' },
          { label: '連絡者のコンピュータだけ', goto: 'flowcharts/other' },
        ],
      },
    },
    outcomes: {
      network: { state: 'unfixed', title: 'ネットワークの問題', action: 'ティア 2 へ', links: ['guides/path-connectivity'] },
      application: { state: 'unfixed', title: 'アプリケーションの問題', action: 'ティア 2 へ' },
      refreshed: { state: 'fixed-unidentified', title: '更新で直った', action: '記録する', links: ['guides/support-scripts#refresh'] },
    },
  };
}
