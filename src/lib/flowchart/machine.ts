/**
 * The wizard's state machine: pure functions, no DOM, no framework.
 *
 * State = the answers given so far, in order. Everything else (which question is showing,
 * whether the path has ended, the breadcrumb) is derived from the graph and that list, so the
 * state fits in a URL and a link handed to another agent lands on the same step:
 *
 *   formatPath(state)  -> "retry_fails.scope_one.nslookup_ok"      (?path=… in the page URL)
 *   parsePath(graph, "retry_fails.scope_one.nslookup_ok") -> the same state
 *
 * A token is `<node id>_<answer key>`; node ids never contain "_" (validate.ts). Only answer
 * keys go into the URL: never names, addresses or anything the caller said.
 */
import { answerKey, type FlowAnswerData } from './types.ts';

/** The smallest view of a flowchart the machine needs (what the page ships to the browser). */
export interface WizardGraph {
  start: string;
  nodes: Record<string, { answers: Pick<FlowAnswerData, 'key' | 'next' | 'outcome' | 'goto'>[] }>;
}

export interface Step {
  /** Node the question was asked at. */
  node: string;
  /** Key of the answer chosen there. */
  key: string;
}

export interface WizardState {
  steps: Step[];
}

export type Position =
  | { kind: 'question'; node: string; number: number }
  | { kind: 'outcome'; node: string; outcome: string; number: number }
  | { kind: 'goto'; node: string; goto: string; number: number };

export const initialState = (): WizardState => ({ steps: [] });

/** Where a state stands: at a question, at an outcome, or handed over to another flowchart. */
export function position(graph: WizardGraph, state: WizardState): Position {
  let node = graph.start;
  for (let i = 0; i < state.steps.length; i++) {
    const answer = findAnswer(graph, node, state.steps[i].key);
    if (!answer || state.steps[i].node !== node) throw new Error(`step ${i + 1} (${state.steps[i].node}_${state.steps[i].key}) does not follow from "${node}"`);
    const last = i === state.steps.length - 1;
    if (answer.outcome) {
      if (!last) throw new Error(`step ${i + 1} ends the path but more steps follow`);
      return { kind: 'outcome', node, outcome: answer.outcome, number: i + 1 };
    }
    if (answer.goto) {
      if (!last) throw new Error(`step ${i + 1} leaves the flowchart but more steps follow`);
      return { kind: 'goto', node, goto: answer.goto, number: i + 1 };
    }
    node = answer.next!;
  }
  return { kind: 'question', node, number: state.steps.length + 1 };
}

/** Answer the current question by key (or 0-based index). Returns the same state when the key is not an answer or the path has ended. */
export function choose(graph: WizardGraph, state: WizardState, keyOrIndex: string | number): WizardState {
  const at = position(graph, state);
  if (at.kind !== 'question') return state;
  const answers = graph.nodes[at.node].answers;
  const index = typeof keyOrIndex === 'number' ? keyOrIndex : answers.findIndex((a, i) => answerKey(a as FlowAnswerData, i) === keyOrIndex);
  if (index < 0 || index >= answers.length) return state;
  return { steps: [...state.steps, { node: at.node, key: answerKey(answers[index] as FlowAnswerData, index) }] };
}

/** Undo the last answer. */
export function back(state: WizardState): WizardState {
  return { steps: state.steps.slice(0, -1) };
}

/** Go back to just before step `n` (1-based): the breadcrumb's links. */
export function backTo(state: WizardState, n: number): WizardState {
  return { steps: state.steps.slice(0, Math.max(0, n - 1)) };
}

export function restart(): WizardState {
  return initialState();
}

export function formatPath(state: WizardState): string {
  return state.steps.map((s) => `${s.node}_${s.key}`).join('.');
}

export interface ParsedPath {
  state: WizardState;
  /** True when every token of the text was used. */
  complete: boolean;
  /** The first token that did not fit (from an older version of the flowchart, or mistyped). */
  rejected?: string;
}

/** Read a path from a URL. Keeps the longest prefix that still fits the graph. */
export function parsePath(graph: WizardGraph, text: string | null | undefined): ParsedPath {
  let state = initialState();
  const tokens = (text ?? '').split('.').map((t) => t.trim()).filter(Boolean);
  for (const token of tokens) {
    const cut = token.indexOf('_');
    const node = cut > 0 ? token.slice(0, cut) : '';
    const key = cut > 0 ? token.slice(cut + 1) : '';
    const at = position(graph, state);
    if (at.kind !== 'question' || at.node !== node) return { state, complete: false, rejected: token };
    const next = choose(graph, state, key);
    if (next === state) return { state, complete: false, rejected: token };
    state = next;
  }
  return { state, complete: true };
}

/** The answer with this key at this node, if any. */
export function findAnswer(graph: WizardGraph, node: string, key: string) {
  const answers = graph.nodes[node]?.answers ?? [];
  const i = answers.findIndex((a, idx) => answerKey(a as FlowAnswerData, idx) === key);
  return i >= 0 ? { ...answers[i], index: i } : undefined;
}

/** Each step with the answer's index, for the breadcrumb and the escalation packet. */
export function walk(graph: WizardGraph, state: WizardState): { node: string; key: string; index: number }[] {
  return state.steps.map((s) => ({ ...s, index: findAnswer(graph, s.node, s.key)?.index ?? -1 }));
}

/**
 * A path through an earlier flowchart, carried in `?prev=` when 7.1 hands over to 7.2 or 7.3:
 * "flowcharts/first-diagnosis:retry_fails.scope_one".
 */
export function formatPrev(chartId: string, state: WizardState): string {
  return `${chartId}:${formatPath(state)}`;
}

export function parsePrev(text: string | null | undefined): { chart: string; path: string } | undefined {
  if (!text) return undefined;
  const m = /^([a-z0-9-]+(?:\/[a-z0-9-]+)*):([a-z0-9_.-]*)$/.exec(text.trim());
  return m ? { chart: m[1], path: m[2] } : undefined;
}
