/**
 * Social-engineering training: scenarios as data (content/data/training-scenarios.json), scored
 * by pure functions. The first answer to a scenario counts (as on a real call, there is no
 * second try); restart() clears everything.
 */
export interface Choice {
  id: string;
  text: string;
  correct: boolean;
  /** Why this answer is right or wrong, shown right after answering. */
  feedback: string;
}

export interface Guidance {
  /** Page id (guides/social-engineering). */
  page: string;
  /** Heading anchor on that page (its slug). */
  anchor?: string;
  label: string;
}

export interface Scenario {
  id: string;
  title: string;
  /** Who is calling, as they present themselves. */
  caller: string;
  /** What they say. */
  says: string[];
  question: string;
  /** Sensitive-information topics (content/data/sensitive.json ids) the call is after. */
  topics: string[];
  choices: Choice[];
  /** The lesson, shown with the feedback and printed as the answer key. */
  explanation: string;
  guidance: Guidance[];
}

export interface QuizState {
  /** scenario id -> chosen choice id */
  answers: Record<string, string>;
}

export interface AnswerResult {
  correct: boolean;
  chosen: Choice;
  right: Choice;
  /** False when the scenario had already been answered (the first answer stands). */
  counted: boolean;
}

export interface Score {
  total: number;
  answered: number;
  correct: number;
  /** Whole percent of all scenarios. */
  percent: number;
  complete: boolean;
  /** Topics of the missed scenarios, most missed first, each once. */
  review: string[];
  /** Ids of the missed scenarios. */
  missed: string[];
  verdict: string;
}

export const initialQuiz = (): QuizState => ({ answers: {} });

export function rightChoice(s: Scenario): Choice {
  return s.choices.find((c) => c.correct)!;
}

export function answer(scenarios: Scenario[], state: QuizState, scenarioId: string, choiceId: string): { state: QuizState; result: AnswerResult } {
  const s = scenarios.find((x) => x.id === scenarioId);
  if (!s) throw new Error(`no scenario "${scenarioId}"`);
  const already = state.answers[scenarioId];
  const id = already ?? choiceId;
  const chosen = s.choices.find((c) => c.id === id);
  if (!chosen) throw new Error(`scenario "${scenarioId}" has no choice "${choiceId}"`);
  const next = already ? state : { answers: { ...state.answers, [scenarioId]: choiceId } };
  return { state: next, result: { correct: chosen.correct, chosen, right: rightChoice(s), counted: !already } };
}

export function score(scenarios: Scenario[], state: QuizState): Score {
  const total = scenarios.length;
  let answered = 0;
  let correct = 0;
  const missed: string[] = [];
  const misses = new Map<string, number>();
  for (const s of scenarios) {
    const id = state.answers[s.id];
    if (!id) continue;
    answered++;
    if (s.choices.find((c) => c.id === id)?.correct) correct++;
    else {
      missed.push(s.id);
      for (const t of s.topics) misses.set(t, (misses.get(t) ?? 0) + 1);
    }
  }
  const percent = total ? Math.round((correct / total) * 100) : 0;
  const review = [...misses.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  return { total, answered, correct, percent, complete: answered === total && total > 0, review, missed, verdict: verdict(percent) };
}

export function verdict(percent: number): string {
  if (percent === 100) return '全問正解です。この対応を電話でもそのまま続けてください。';
  if (percent >= 80) return 'よくできています。間違えた場面の解説をもう一度読んでおきましょう。';
  if (percent >= 50) return '半分以上は正しく対応できました。ガイドの「守る情報」と「電話での基本動作」を読み直してから、もう一度挑戦してください。';
  return 'ガイドを最初から読み、言い方の例を声に出して練習してから、もう一度挑戦してください。';
}

export function restartQuiz(): QuizState {
  return initialQuiz();
}

/** Problems in the scenario data (empty = fine). `anchors` maps page id -> heading slugs when known. */
export function validateScenarios(
  scenarios: Scenario[],
  ctx: { pageIds?: Set<string>; anchors?: Map<string, Set<string>>; topics?: Set<string> } = {},
): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const s of scenarios) {
    const where = `scenario "${s.id}"`;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.id)) problems.push(`${where}: id is not lowercase words joined by hyphens.`);
    if (ids.has(s.id)) problems.push(`${where}: id is used twice.`);
    ids.add(s.id);
    for (const k of ['title', 'caller', 'question', 'explanation'] as const) if (!s[k]?.trim()) problems.push(`${where}: ${k} is empty.`);
    if (!s.says?.length) problems.push(`${where}: says nothing.`);
    if ((s.choices ?? []).length < 2) problems.push(`${where}: needs at least 2 choices.`);
    const right = (s.choices ?? []).filter((c) => c.correct).length;
    if (right !== 1) problems.push(`${where}: has ${right} correct choices; exactly 1 is needed.`);
    const cids = new Set<string>();
    for (const c of s.choices ?? []) {
      if (cids.has(c.id)) problems.push(`${where}: choice id "${c.id}" is used twice.`);
      cids.add(c.id);
      if (!c.text?.trim() || !c.feedback?.trim()) problems.push(`${where}: choice "${c.id}" needs text and feedback.`);
    }
    if (!s.guidance?.length) problems.push(`${where}: cites no guidance.`);
    for (const g of s.guidance ?? []) {
      if (ctx.pageIds && !ctx.pageIds.has(g.page)) problems.push(`${where}: guidance page "${g.page}" does not exist.`);
      const anchors = ctx.anchors?.get(g.page);
      if (g.anchor && anchors && !anchors.has(g.anchor)) problems.push(`${where}: "${g.anchor}" is not a heading of ${g.page}.`);
    }
    for (const t of s.topics ?? []) if (ctx.topics && !ctx.topics.has(t)) problems.push(`${where}: topic "${t}" is not in content/data/sensitive.json.`);
  }
  return problems;
}
