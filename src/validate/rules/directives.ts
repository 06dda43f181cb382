import { walkTree } from '../../model/session-tree.js';
import { atNode, type Rule } from '../rule.js';

/** The directives sessions may use. */
export const CONTAINER_DIRECTIVES = new Set(['segment', 'facilitator', 'note']);
export const LEAF_DIRECTIVES = new Set(['assessment']);
const SEGMENT_ATTRIBUTES = new Set(['minutes', 'method', 'title', 'group']);

export const directives: Rule = {
  id: 'directives',
  severity: 'error',
  docs: 'Sessions use only the directives Upstream knows: `:::segment{minutes method title group}`, `:::facilitator`, `:::note` and `::assessment{id}`. Segments do not nest inside each other. A block that holds another block needs more colons than the inner one (`::::segment` around `:::facilitator`); a stray `:::` line usually means the outer block closed too early, which would show facilitator notes to learners or drop content.',
  examples: [
    {
      title: 'A misspelt directive name',
      edit: { 'sessions/02-what-can-we-do.md': (t) => t.replace(':::facilitator', ':::facilitater') },
      expect: ['sessions/02-what-can-we-do.md:25:1 directives'],
    },
    {
      title: 'Nesting with three colons on the outside',
      edit: { 'sessions/01-river.md': (t) => t.replace('::::segment{minutes=20', ':::segment{minutes=20').replace('had.\n:::\n::::', 'had.\n:::\n:::') },
      expect: ['sessions/01-river.md:36:1 directives'],
    },
  ],
  check(ctx) {
    const assessmentIds = new Set(ctx.mod.assessments.map((a) => a.data.id));
    for (const s of ctx.mod.sessions) {
      for (const { node, ancestors } of walkTree(s.tree)) {
        if (node.type === 'paragraph' && node.children.length === 1 && node.children[0]!.type === 'text' && /^:{3,}\s*$/.test(node.children[0]!.value)) {
          ctx.report(atNode(s, node), 'This `:::` closes no open block.',
            'When one block holds another, give the outer one more colons: `::::segment{…}` … `:::facilitator` … `:::` … `::::`.');
          continue;
        }
        if (node.type === 'containerDirective') {
          if (!CONTAINER_DIRECTIVES.has(node.name)) {
            ctx.report(atNode(s, node), `\`:::${node.name}\` is not a block Upstream knows.`, 'Use `:::segment`, `:::facilitator` or `:::note`.');
          } else if (node.name === 'segment') {
            if (ancestors.some((a) => a.type === 'containerDirective' && a.name === 'segment')) {
              ctx.report(atNode(s, node), 'A segment cannot sit inside another segment.', 'Close the outer segment before opening the next one.');
            }
            for (const key of Object.keys(node.attributes ?? {})) {
              if (!SEGMENT_ATTRIBUTES.has(key)) {
                ctx.report(atNode(s, node), `\`${key}\` is not a segment attribute.`, 'Segments take minutes, method, title and group.');
              }
            }
          }
        } else if (node.type === 'leafDirective') {
          if (!LEAF_DIRECTIVES.has(node.name)) {
            ctx.report(atNode(s, node), `\`::${node.name}\` is not a directive Upstream knows.`, 'Use `::assessment{id=…}` to place an assessment.');
          } else {
            const id = node.attributes?.id;
            if (!id) {
              ctx.report(atNode(s, node), '`::assessment` needs an id.', 'Write `::assessment{id=check}` with the id of an assessment.');
            } else if (!assessmentIds.has(id) && !ctx.mod.unverified.has(id)) {
              ctx.report(atNode(s, node), `No assessment has the id \`${id}\`.`, 'Use the id of a file in assessments/.');
            }
          }
        } else if (node.type === 'textDirective') {
          ctx.report(atNode(s, node), `\`:${node.name}\` reads as a directive and would vanish from the page.`,
            'If you meant a colon followed by a word, escape it as `\\:` or put a space after the colon.', undefined, 'warning');
        }
      }
    }
  },
};
