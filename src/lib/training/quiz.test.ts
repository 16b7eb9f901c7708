import { describe, expect, it } from 'vitest';
import { answer, initialQuiz, restartQuiz, rightChoice, score, validateScenarios, verdict, type Scenario } from './quiz.ts';

const make = (id: string, topics: string[] = ['exemptions']): Scenario => ({
  id,
  title: 't',
  caller: 'c',
  says: ['s'],
  question: 'q',
  topics,
  choices: [
    { id: 'a', text: 'A', correct: false, feedback: 'no' },
    { id: 'b', text: 'B', correct: true, feedback: 'yes' },
  ],
  explanation: 'e',
  guidance: [{ page: 'guides/social-engineering', anchor: '除外一覧', label: 'g' }],
});
const set = [make('one', ['exemptions']), make('two', ['subnets', 'exemptions']), make('three', ['privileged-accounts'])];

describe('training quiz', () => {
  it('gives immediate feedback with the right answer', () => {
    const { state, result } = answer(set, initialQuiz(), 'one', 'a');
    expect(result).toMatchObject({ correct: false, counted: true });
    expect(result.chosen.feedback).toBe('no');
    expect(result.right.id).toBe('b');
    expect(state.answers).toEqual({ one: 'a' });
  });

  it('counts only the first answer to a scenario', () => {
    let s = answer(set, initialQuiz(), 'one', 'a').state;
    const again = answer(set, s, 'one', 'b');
    expect(again.result).toMatchObject({ correct: false, counted: false });
    s = again.state;
    expect(s.answers.one).toBe('a');
  });

  it('scores, lists topics to review (most missed first) and ends when all are answered', () => {
    let s = initialQuiz();
    s = answer(set, s, 'one', 'a').state;
    expect(score(set, s)).toMatchObject({ answered: 1, correct: 0, complete: false });
    s = answer(set, s, 'two', 'a').state;
    s = answer(set, s, 'three', 'b').state;
    const sc = score(set, s);
    expect(sc).toMatchObject({ total: 3, answered: 3, correct: 1, percent: 33, complete: true, missed: ['one', 'two'] });
    expect(sc.review).toEqual(['exemptions', 'subnets']);
    expect(sc.verdict).toBe(verdict(33));
    expect(score(set, restartQuiz()).answered).toBe(0);
  });

  it('has a verdict for each band', () => {
    expect(verdict(100)).toMatch(/全問正解/);
    expect(verdict(85)).toMatch(/よくできています/);
    expect(verdict(60)).toMatch(/半分以上/);
    expect(verdict(10)).toMatch(/最初から/);
  });

  it('rejects unknown scenarios and choices', () => {
    expect(() => answer(set, initialQuiz(), 'nope', 'a')).toThrow(/no scenario/);
    expect(() => answer(set, initialQuiz(), 'one', 'z')).toThrow(/no choice/);
    expect(rightChoice(set[0]).id).toBe('b');
  });

  it('validates scenario data', () => {
    const bad = make('Bad Id');
    bad.choices[0].correct = true;
    bad.guidance = [{ page: 'guides/none', anchor: 'x', label: 'g' }];
    bad.topics = ['secrets'];
    const p = validateScenarios([bad, make('ok'), make('ok')], { pageIds: new Set(['guides/social-engineering']), anchors: new Map([['guides/social-engineering', new Set(['除外一覧'])]]), topics: new Set(['exemptions']) });
    expect(p).toContain('scenario "Bad Id": id is not lowercase words joined by hyphens.');
    expect(p).toContain('scenario "Bad Id": has 2 correct choices; exactly 1 is needed.');
    expect(p).toContain('scenario "Bad Id": guidance page "guides/none" does not exist.');
    expect(p).toContain('scenario "Bad Id": topic "secrets" is not in content/data/sensitive.json.');
    expect(p).toContain('scenario "ok": id is used twice.');
  });
});
