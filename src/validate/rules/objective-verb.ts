import { BLOOM_VERBS, VAGUE_VERBS, levelsOf } from '../bloom-verbs.js';
import type { Place } from '../../diagnostics/diagnostic.js';
import type { SourceText } from '../../load/source-text.js';
import { at, type Rule } from '../rule.js';

/** Narrows the place of an objective's text to its first word, where the verb is, when it is plain on the line. */
function verbPlace(place: Place, source: SourceText): Place {
  const start = (source.lineStarts[place.line - 1] ?? 0) + place.column - 1;
  const word = /^["']?([A-Za-z-]+)/.exec(source.text.slice(start, start + 60));
  if (!word) return place;
  const skip = word[0].length - word[1]!.length;
  return { ...place, column: place.column + skip, endLine: place.line, endColumn: place.column + skip + word[1]!.length };
}

export const objectiveVerb: Rule = {
  id: 'objective-verb',
  severity: 'error',
  docs: 'An objective starts with one measurable verb that fits its Bloom level, written from the learner\'s side ("Compare two campaigns…"). Verbs such as understand, know, appreciate, learn, believe, be familiar with and be aware of name no behaviour anyone can observe, so they are errors; a known verb of another level, an unknown verb or a second verb joined by "and" are warnings.',
  examples: [
    {
      title: 'An objective that cannot be observed',
      edit: { 'module.yaml': (t) => t.replace('text: Explain how the river parable', 'text: Understand how the river parable') },
      expect: ['module.yaml:21:11 objective-verb'],
    },
    {
      title: 'A verb from another Bloom level',
      edit: { 'module.yaml': (t) => t.replace('text: Propose one collective action', 'text: List one collective action') },
      expect: ['module.yaml:29:11 objective-verb'],
    },
  ],
  check(ctx) {
    const m = ctx.mod.module;
    if (!m) return;
    m.data.objectives.forEach((o, i) => {
      const place = verbPlace(at(m, ['objectives', i, 'text']), m.source.text);
      const text = o.text.trim().replace(/^(students|learners|participants|residents)\s+(will\s+)?(be\s+able\s+to\s+)?/i, '');
      const lower = text.toLowerCase();
      const vague = VAGUE_VERBS.find((v) => lower === v || lower.startsWith(`${v} `));
      if (vague) {
        ctx.report(place, `"${vague}" is not measurable: nobody can observe a learner ${vague === 'know' ? 'knowing' : `doing "${vague}"`}.`,
          `Start with a verb for the ${o.bloom} level, such as ${BLOOM_VERBS[o.bloom].slice(0, 4).join(', ')}.`);
        return;
      }
      const verb = (lower.match(/^[a-z-]+/) ?? [''])[0];
      const levels = levelsOf(verb);
      if (levels.length === 0) {
        ctx.report(place, `"${verb}" is not a measurable verb Upstream knows.`,
          `Start with a verb for the ${o.bloom} level, such as ${BLOOM_VERBS[o.bloom].slice(0, 4).join(', ')}.`, undefined, 'warning');
        return;
      }
      if (!levels.includes(o.bloom)) {
        ctx.report(place, `"${verb}" is a ${levels.join(' or ')}-level verb, but this objective says \`bloom: ${o.bloom}\`.`,
          `Change \`bloom\` to ${levels.map((l) => `\`${l}\``).join(' or ')}, or use a ${o.bloom}-level verb such as ${BLOOM_VERBS[o.bloom].slice(0, 4).join(', ')}.`,
          undefined, 'warning');
        return;
      }
      const second = lower.match(/^[a-z-]+(?:,\s*[a-z-]+)*,?\s+(?:and|or)\s+([a-z-]+)\s/);
      if (second && levelsOf(second[1]!).length > 0) {
        ctx.report(place, `This objective has more than one verb ("${verb}" and "${second[1]}").`,
          'Write one objective per verb, so that each can be taught and assessed on its own.', undefined, 'warning');
      }
    });
  },
};
