import { walkTree } from '../../model/session-tree.js';
import { at, atNode, type Rule } from '../rule.js';

export const trustedHtml: Rule = {
  id: 'trusted-html',
  severity: 'warning',
  docs: 'Raw HTML in Markdown is removed from every page unless the module opts in with `trustedHtml: true`. Opting in is reported as a warning because it lets whoever edits the module run scripts in learners\' browsers; without it, raw HTML that would be dropped is reported so the author knows.',
  examples: [
    {
      title: 'Raw HTML in a module that does not trust it',
      edit: { 'sessions/01-river.md': (t) => t.replace('# The river parable\n', '# The river parable\n\n<div class="box">Boxed</div>\n') },
      expect: ['sessions/01-river.md:19:1 trusted-html'],
    },
  ],
  check(ctx) {
    const m = ctx.mod.module;
    if (m?.data.trustedHtml) {
      ctx.report(at(m, ['trustedHtml']), 'This module lets raw HTML through to learners\' pages.',
        'Only keep `trustedHtml: true` if everyone who can edit the module is trusted to run code in learners\' browsers.');
      return;
    }
    for (const s of ctx.mod.sessions) {
      for (const { node } of walkTree(s.tree)) {
        if (node.type === 'html' && !/^<!--[\s\S]*-->$/.test(node.value.trim())) {
          ctx.report(atNode(s, node), 'Raw HTML is removed from the pages.', 'Use Markdown instead, or a `:::note` block for a callout.');
        }
      }
    }
  },
};
