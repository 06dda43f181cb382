import { at, type Rule } from '../rule.js';

export const safety: Rule = {
  id: 'safety',
  severity: 'error',
  docs: 'A module marked `sensitive: true` (burnout, distress, patients\' hardship) carries what a facilitator needs to keep learners safe: content notes sent ahead, a confidentiality rule other than `none`, a safety section (learning space not counselling, the right to pass, an alternative activity, a co-facilitator\'s role, a disclosure protocol) and support resources. Support contacts may be left empty for the school to fill in, but a build for learners (`--release`) refuses them empty.',
  examples: [
    {
      title: 'A sensitive module without a confidentiality rule',
      edit: { 'module.yaml': (t) => t.replace('confidentiality: chatham-house', 'confidentiality: none') },
      expect: ['module.yaml:39:18 safety'],
    },
    {
      title: 'A release build with the school\'s support contact still empty',
      edit: {},
      options: { release: true },
      expect: ['module.yaml:53:14 safety'],
    },
  ],
  check(ctx) {
    const m = ctx.mod.module;
    if (!m) return;
    const d = m.data;
    if (ctx.options.release) {
      (d.support ?? []).forEach((s, i) => {
        if (!s.contact.trim()) {
          ctx.report(at(m, ['support', i, 'contact']), `The support resource "${s.name}" has no contact, and this build is for learners.`,
            'Fill in the phone number, address or link your school uses.');
        }
      });
    }
    if (!d.sensitive) return;
    const top = at(m, ['sensitive']);
    if (!d.contentNotes || d.contentNotes.length === 0) {
      ctx.report(top, 'This sensitive module has no content notes.', 'Add `contentNotes:` telling learners ahead of time what the module discusses.');
    }
    if (d.confidentiality === 'none') {
      ctx.report(at(m, ['confidentiality']), 'A sensitive module needs a confidentiality rule.', 'Use `chatham-house` or `full-confidentiality`.');
    }
    if (!d.support || d.support.length === 0) {
      ctx.report(top, 'This sensitive module lists no support resources.', 'Add `support:` with your school\'s counselling service and a crisis line (such as 988 in the US).');
    }
    const s = d.safety ?? {};
    const missing = (['learningSpace', 'rightToPass', 'alternativeActivity', 'coFacilitator', 'disclosureProtocol'] as const).filter((k) => !s[k]);
    if (missing.length > 0) {
      ctx.report(d.safety ? at(m, ['safety'], 'key') : top, `The safety section lacks ${missing.map((k) => `\`${k}\``).join(', ')}.`,
        'Add them under `safety:`; the facilitator guide prints them in its safety section.');
    }
  },
};
