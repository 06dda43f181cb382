// Generates docs/rules.md from the rules' own docs and examples, and the complete example in
// docs/format.md from the scaffold, so the docs cannot drift from the code.
// `npm run docs` writes them; test/docs.test.ts fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules, scaffold } from '../dist/lib/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const firstSentence = (text) => (/^(.+?[^.]\.)\s+(?=[A-Z])/.exec(text)?.[1] ?? text);

export function rulesDoc() {
  const lines = ['# Validation rules', '',
    'Generated from `src/validate/rules/` by `npm run docs`. Each example edits the module that `upstream new demo` writes and lists the diagnostics that result; the test suite runs every one.',
    '', 'Besides these rules, every file is checked against its JSON Schema (`schema`), and the loader reports files it cannot read: `yaml-syntax`, `yaml-duplicate-key`, `yaml-alias-limit`, `yaml-too-complex`, `front-matter-missing`, `front-matter-unclosed`, `invalid-utf8`, `binary-file`, `control-character`, `markdown-too-complex`, `front-matter-empty`, `file-too-large`, `empty-file`, `module-file-missing`, `path-outside-module`, `broken-symlink`, `unexpected-file`.', ''];
  lines.push('| rule | severity | checks |', '| --- | --- | --- |');
  for (const r of rules) lines.push(`| [\`${r.id}\`](#${r.id}) | ${r.severity} | ${firstSentence(r.docs).replace(/\|/g, '\\|')} |`);
  for (const r of rules) {
    lines.push('', `## ${r.id}`, '', r.docs, '');
    for (const ex of r.examples) {
      lines.push(`**Example: ${ex.title}.**${ex.options?.release ? ' (with `--release`)' : ''}`, '');
      const edits = Object.entries(ex.edit);
      if (edits.length > 0) {
        lines.push('Change to the scaffold:', '', '```js');
        for (const [file, fn] of edits) lines.push(`// ${file}`, fn.toString().replace(/^\(t\) => /, ''));
        lines.push('```', '');
      }
      lines.push('Diagnostics:', '', '```', ...ex.expect, '```', '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function formatDoc() {
  const current = readFileSync(`${root}docs/format.md`, 'utf8');
  const files = scaffold('demo', `${root}modules/demo`);
  const blocks = [...files].map(([path, text]) => `\`${path}\`\n\n\`\`\`${path.endsWith('.md') ? 'markdown' : 'yaml'}\n${text.trimEnd()}\n\`\`\``);
  const start = '<!-- example:start -->';
  const end = '<!-- example:end -->';
  const before = current.slice(0, current.indexOf(start) + start.length);
  const after = current.slice(current.indexOf(end));
  // Four-backtick fences would be needed if a file contained ``` ; none does.
  return `${before}\n\n${blocks.join('\n\n')}\n\n${after}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(`${root}docs/rules.md`, rulesDoc());
  writeFileSync(`${root}docs/format.md`, formatDoc());
  console.log('wrote docs/rules.md and docs/format.md');
}
