import path from 'node:path/posix';
import type { Place } from '../../diagnostics/diagnostic.js';
import { walkTree } from '../../model/session-tree.js';
import { at, atNode, type Rule, type RuleContext } from '../rule.js';

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export const links: Rule = {
  id: 'links',
  severity: 'error',
  docs: 'Links and images in sessions, and material files, resolve to a file inside the module folder: a relative path that exists, with no `..` that climbs out of the module and no absolute path, because packages carry only the module folder and a path to the author\'s own disk breaks for everyone else. Images are local (packages and sites work offline) and have alt text for screen-reader users. Links use http, https, mailto or tel.',
  examples: [
    {
      title: 'An image outside the module, without alt text',
      edit: { 'sessions/01-river.md': (t) => t.replace('# The river parable\n', '# The river parable\n\n![](../../other/river.png)\n') },
      expect: ['sessions/01-river.md:19:1 links', 'sessions/01-river.md:19:1 links'],
    },
  ],
  check(ctx) {
    for (const s of ctx.mod.sessions) {
      const base = path.dirname(s.file.slice(ctx.mod.dir.length).replace(/^\/+/, '')) || '.';
      for (const { node } of walkTree(s.tree)) {
        if (node.type === 'image') {
          if (!node.alt || !node.alt.trim()) {
            ctx.report(atNode(s, node), 'This image has no alt text.', 'Describe the image in the brackets: `![A river with people upstream](../assets/river.png)`.');
          }
          target(ctx, node.url, base, atNode(s, node), true);
        } else if (node.type === 'link' || node.type === 'definition') {
          target(ctx, node.url, base, atNode(s, node), false);
        }
      }
      (s.data.materials ?? []).forEach((m, i) => {
        if (typeof m !== 'string') target(ctx, m.file, '.', at(s, ['materials', i, 'file']), false, true);
      });
    }
  },
};

function target(ctx: RuleContext, url: string, base: string, place: Place, image: boolean, fromRoot = false) {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return;
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme && !/^[a-z]:$/i.test(scheme)) {
    if (image) {
      ctx.report(place, `This image loads from ${scheme === 'data:' ? 'a data: URL' : 'another site'}, but packages must work offline.`,
        'Save the image into assets/ and link to it relatively.');
    } else if (!SAFE_SCHEMES.has(scheme)) {
      ctx.report(place, `Links with \`${scheme}\` are not allowed.`, 'Use an http, https or mailto link, or a file inside the module.');
    }
    return;
  }
  const file = decodeSafe(trimmed.split(/[?#]/)[0]!);
  if (file.startsWith('/') || file.startsWith('\\') || /^[a-z]:[\\/]/i.test(file)) {
    ctx.report(place, `\`${file}\` is an absolute path, which points at the author's own disk.`,
      fromRoot ? 'Write the path from the module folder, e.g. `assets/handout.pdf`.' : 'Write the path relative to this file, e.g. `../assets/river.png`.');
    return;
  }
  const resolved = path.normalize(path.join(fromRoot ? '.' : base, file.replace(/\\/g, '/')));
  if (resolved === '..' || resolved.startsWith('../')) {
    ctx.report(place, `\`${file}\` points outside the module folder.`, 'Copy the file into the module\'s assets/ folder and link to it there.');
    return;
  }
  if (!ctx.mod.files.has(resolved)) {
    ctx.report(place, `\`${file}\` does not exist in the module (looked for ${resolved}).`,
      fromRoot ? 'Check the path from the module folder, e.g. `assets/handout.pdf`.' : 'Check the spelling; paths are relative to this file, so assets are at `../assets/…`.');
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
