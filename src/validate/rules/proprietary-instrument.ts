import { at, type Rule } from '../rule.js';

/** Instruments whose items are under copyright and licensed for a fee: reference, never embed. */
const PROPRIETARY: Array<{ name: string; pattern: RegExp }> = [
  { name: 'Maslach Burnout Inventory', pattern: /\bmaslach burnout inventory\b|\bMBI(-HSS|-GS|-ES)?\b/i },
  { name: 'Mayo Well-Being Index', pattern: /\b(mayo )?(physician |medical student )?well-being index\b/i },
];

export const proprietaryInstrument: Rule = {
  id: 'proprietary-instrument',
  severity: 'error',
  docs: 'A module never embeds a proprietary well-being instrument (the Maslach Burnout Inventory, the Mayo Well-Being Index): their items are licensed, and reproducing them in a package breaches that licence. Sessions and quiz questions may name and cite them; a reflection or essay prompt that names one, an assessment whose instructions do, or an asset file named after one is taken as administering or copying it. Use a free instrument such as the Copenhagen Burnout Inventory (with citation), anonymously and never graded.',
  examples: [
    {
      title: 'A reflection that administers the MBI',
      edit: { 'assessments/reflection.yaml': (t) => t.replace('prompt: When have you felt', 'prompt: Answer the Maslach Burnout Inventory items below. When have you felt') },
      expect: ['assessments/reflection.yaml:13:13 proprietary-instrument'],
    },
  ],
  check(ctx) {
    const hint = 'Reference and link it in a session instead; if learners need a measure, use a free one such as the Copenhagen Burnout Inventory, anonymously and never graded.';
    const named = (text: string | undefined) => (text ? PROPRIETARY.find((p) => p.pattern.test(text)) : undefined);
    for (const a of ctx.mod.assessments) {
      const inInstructions = named(a.data.instructions);
      if (inInstructions) {
        ctx.report(at(a, ['instructions']), `This assessment asks learners to complete the ${inInstructions.name}, a proprietary instrument.`, hint);
      }
      (a.data.items ?? []).forEach((item, i) => {
        if (item.type !== 'reflection' && item.type !== 'essay') return;
        const hit = named(item.prompt);
        if (hit) ctx.report(at(a, ['items', i, 'prompt']), `This prompt names the ${hit.name}, a proprietary instrument that must not be administered here.`, hint);
      });
    }
    for (const file of ctx.mod.files) {
      const base = file.split('/').pop()!.replace(/[-_.]/g, ' ');
      const hit = named(base) ?? (/\bmaslach\b/i.test(base) ? PROPRIETARY[0] : undefined);
      if (hit) {
        ctx.report({ file: `${ctx.mod.dir.replace(/\/+$/, '')}/${file}`, line: 1, column: 1, endLine: 1, endColumn: 1 },
          `This file looks like a copy of the ${hit.name}, a proprietary instrument.`, 'Remove it and link to the publisher instead.');
      }
    }
  },
};
