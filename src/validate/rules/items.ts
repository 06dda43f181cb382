import { at, type Rule } from '../rule.js';

const SCORED = new Set(['single-choice', 'multiple-response', 'true-false', 'short-answer']);

export const items: Rule = {
  id: 'items',
  severity: 'error',
  docs: 'Each item has what its type needs: a single-choice item exactly one correct choice, a multiple-response item at least one correct and one incorrect choice, a true-false item an `answer`, a short-answer item `accept`ed answers; choices appear only on choice items. Every item has feedback (on the item, or on every choice), because a learner who answers wrong should learn why. A quiz holds items, a reflection holds reflection or essay prompts, and an assignment names its rubric and gives instructions.',
  examples: [
    {
      title: 'A single-choice item with two correct answers',
      edit: { 'assessments/check.yaml': (t) => t.replace('text: Because she is too tired to keep rescuing people.', 'text: Because she is too tired to keep rescuing people.\n        correct: true') },
      expect: ['assessments/check.yaml:9:5 items'],
    },
    {
      title: 'An item without feedback',
      edit: { 'assessments/check.yaml': (t) => t.replace(/\n    feedback: Housing[^\n]*/, '') },
      expect: ['assessments/check.yaml:21:5 items'],
    },
  ],
  check(ctx) {
    for (const a of ctx.mod.assessments) {
      const list = a.data.items ?? [];
      const kind = a.data.kind;
      if (kind === 'quiz' && list.length === 0) {
        ctx.report(at(a, ['kind']), 'This quiz has no items.', 'Add questions under `items`, or change `kind`.');
      }
      if (kind === 'assignment') {
        if (!a.data.rubric) ctx.report(at(a, ['kind']), 'This assignment names no rubric to grade it.', 'Add `rubric: <rubric id>`.');
        if (!a.data.instructions) ctx.report(at(a, ['kind']), 'This assignment has no instructions.', 'Add `instructions:` telling learners what to submit.');
      }
      list.forEach((item, i) => {
        const place = at(a, ['items', i]);
        const itemPlace = { ...place, endLine: place.line, endColumn: place.column + 1 };
        if (kind === 'reflection' && item.type !== 'reflection' && item.type !== 'essay') {
          ctx.report(at(a, ['items', i, 'type']), `A reflection holds reflection or essay prompts, not ${item.type} items.`, 'Move scored items to a quiz.');
        }
        if (kind === 'quiz' && item.type === 'reflection') {
          ctx.report(at(a, ['items', i, 'type']), 'A quiz should not hold reflection prompts: they are not scored.', 'Move the prompt to an assessment with `kind: reflection`.', undefined, 'warning');
        }
        const choices = item.choices ?? [];
        const correct = choices.filter((c) => c.correct === true).length;
        if (item.type === 'single-choice' || item.type === 'multiple-response') {
          if (choices.length < 2) {
            ctx.report(itemPlace, `The ${item.type} item \`${item.id}\` needs at least two choices.`, 'Add `choices`, each with an `id` and `text`.');
          } else if (item.type === 'single-choice' && correct !== 1) {
            ctx.report(itemPlace, `The single-choice item \`${item.id}\` has ${correct} correct choices; it needs exactly one.`,
              correct === 0 ? 'Mark the right choice with `correct: true`.' : 'Keep `correct: true` on one choice, or make it `type: multiple-response`.');
          } else if (item.type === 'multiple-response' && (correct === 0 || correct === choices.length)) {
            ctx.report(itemPlace, `The multiple-response item \`${item.id}\` needs at least one correct and one incorrect choice.`, 'Mark the right choices with `correct: true`.');
          }
        } else if (choices.length > 0) {
          ctx.report(at(a, ['items', i, 'choices'], 'key'), `A ${item.type} item does not take choices.`, 'Remove `choices`, or change `type` to single-choice or multiple-response.');
        }
        if (item.type === 'true-false' && item.answer === undefined) {
          ctx.report(itemPlace, `The true-false item \`${item.id}\` has no \`answer\`.`, 'Add `answer: true` or `answer: false`.');
        }
        if (item.type !== 'true-false' && item.answer !== undefined) {
          ctx.report(at(a, ['items', i, 'answer'], 'key'), `Only true-false items take \`answer\`.`, 'Remove it, or mark the right choice with `correct: true`.');
        }
        if (item.type === 'short-answer' && !item.accept) {
          ctx.report(itemPlace, `The short-answer item \`${item.id}\` lists no accepted answers.`, 'Add `accept: [answer, other spelling]`.');
        }
        const everyChoiceHasFeedback = choices.length > 0 && choices.every((c) => c.feedback);
        if (!item.feedback && !everyChoiceHasFeedback) {
          ctx.report(itemPlace, `The item \`${item.id}\` has no feedback.`,
            SCORED.has(item.type) ? 'Add `feedback:` explaining the right answer (or `correct:` and `incorrect:` texts).' : 'Add `feedback:` telling learners what a good answer covers.');
        }
        if (SCORED.has(item.type) && kind === 'quiz' && (item.objectives ?? []).length === 0) {
          ctx.report(itemPlace, `The item \`${item.id}\` names no objective it assesses.`, 'Add `objectives: [<objective id>]`.', undefined, 'warning');
        }
      });
    }
  },
};
