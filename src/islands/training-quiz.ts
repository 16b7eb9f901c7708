/**
 * <training-quiz>: answers, immediate feedback and the final score for the social-engineering
 * training, over the pure functions of src/lib/training/quiz.ts. Everything else (the calls,
 * choices, explanations, guidance links) is already in the page.
 */
import { answer, initialQuiz, restartQuiz, score, type QuizState, type Scenario } from '../lib/training/quiz.ts';

interface ClientData {
  scenarios: Pick<Scenario, 'id' | 'title' | 'topics' | 'choices'>[];
  topics: Record<string, string>;
}

class TrainingQuiz extends HTMLElement {
  private data!: ClientData;
  private state: QuizState = initialQuiz();

  connectedCallback() {
    this.data = JSON.parse(this.dataset.quiz ?? '{"scenarios":[],"topics":{}}');
    this.addEventListener('click', (e) => this.onClick(e));
    this.addEventListener('keydown', (e) => {
      // Enter on a choice answers, as it would submit a form.
      const t = e.target as HTMLElement;
      if (e.key === 'Enter' && t.matches('input[type="radio"]')) {
        e.preventDefault();
        t.closest('.tr-scenario')?.querySelector<HTMLButtonElement>('[data-submit]')?.click();
      }
    });
  }

  private get scenarios(): Scenario[] {
    return this.data.scenarios as Scenario[];
  }

  private onClick(e: Event) {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button');
    if (!button) return;
    if (button.hasAttribute('data-submit')) this.submit(button.closest<HTMLElement>('.tr-scenario')!);
    else if (button.hasAttribute('data-restart')) this.restart();
  }

  private submit(item: HTMLElement) {
    const id = item.dataset.scenario!;
    const chosen = item.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    const feedback = item.querySelector<HTMLElement>('[data-feedback]')!;
    if (!chosen) {
      feedback.hidden = false;
      feedback.className = 'tr-feedback';
      feedback.textContent = '答えを 1 つ選んでから「回答する」を押してください。';
      feedback.focus();
      return;
    }
    const { state, result } = answer(this.scenarios, this.state, id, chosen.value);
    this.state = state;
    for (const r of item.querySelectorAll<HTMLInputElement>('input[type="radio"]')) r.disabled = true;
    item.querySelector<HTMLButtonElement>('[data-submit]')!.disabled = true;
    feedback.className = `tr-feedback ${result.correct ? 'is-right' : 'is-wrong'}`;
    feedback.replaceChildren();
    const head = document.createElement('p');
    const strong = document.createElement('strong');
    strong.textContent = result.correct ? '○ 正しい対応です。' : `× この対応には問題があります。正しい対応は ${result.right.id.toUpperCase()} です。`;
    head.append(strong);
    const why = document.createElement('p');
    why.textContent = result.chosen.feedback;
    feedback.append(head, why);
    if (!result.correct) {
      const rightWhy = document.createElement('p');
      rightWhy.textContent = `${result.right.id.toUpperCase()} について: ${result.right.feedback}`;
      feedback.append(rightWhy);
    }
    feedback.hidden = false;
    item.querySelector<HTMLElement>('[data-explain]')!.hidden = false;
    this.renderProgress();
    const sc = score(this.scenarios, this.state);
    if (sc.complete) this.renderResult();
    feedback.focus();
  }

  private renderProgress() {
    const sc = score(this.scenarios, this.state);
    this.querySelector<HTMLElement>('[data-progress]')!.textContent = `${sc.total} 問中 ${sc.answered} 問に回答、正解 ${sc.correct} 問。${sc.complete ? '下に結果があります。' : ''}`;
  }

  private renderResult() {
    const sc = score(this.scenarios, this.state);
    const box = this.querySelector<HTMLElement>('[data-result]')!;
    box.querySelector('[data-score]')!.textContent = `${sc.total} 問中 ${sc.correct} 問正解 (${sc.percent}%)`;
    box.querySelector('[data-verdict]')!.textContent = sc.verdict;
    const review = box.querySelector<HTMLElement>('[data-review]')!;
    review.replaceChildren();
    if (sc.missed.length) {
      const p = document.createElement('p');
      p.textContent = '見直す場面:';
      const ul = document.createElement('ul');
      for (const id of sc.missed) {
        const s = this.scenarios.find((x) => x.id === id)!;
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `#tr-${id}`;
        a.textContent = s.title;
        li.append(a, ` (${s.topics.map((t) => this.data.topics[t] ?? t).join('、')})`);
        ul.append(li);
      }
      review.append(p, ul);
    }
    box.hidden = false;
  }

  private restart() {
    this.state = restartQuiz();
    for (const item of this.querySelectorAll<HTMLElement>('.tr-scenario')) {
      for (const r of item.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
        r.disabled = false;
        r.checked = false;
      }
      item.querySelector<HTMLButtonElement>('[data-submit]')!.disabled = false;
      item.querySelector<HTMLElement>('[data-feedback]')!.hidden = true;
      item.querySelector<HTMLElement>('[data-explain]')!.hidden = true;
    }
    this.querySelector<HTMLElement>('[data-result]')!.hidden = true;
    this.renderProgress();
    this.querySelector<HTMLInputElement>('.tr-scenario input[type="radio"]')?.focus();
  }
}

if (!customElements.get('training-quiz')) customElements.define('training-quiz', TrainingQuiz);
