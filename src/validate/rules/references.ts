import { citationKeys } from '../../model/session-tree.js';
import type { DataPath } from '../../load/yaml-source.js';
import type { LoadedSession, LoadedYaml } from '../../model/types.js';
import { at, type Rule, type RuleContext } from '../rule.js';

export const references: Rule = {
  id: 'references',
  severity: 'error',
  docs: 'Every id that points at something else resolves: the sessions, assessments and rubrics listed in module.yaml exist as files, an assessment\'s `session` and `rubric` exist, every `objectives` entry names an objective of the module, every `::assessment{id=…}` names an assessment, and every `[@key]` citation names a reference. A file that exists but is not listed in module.yaml is reported as a warning, since no target would include it.',
  examples: [
    {
      title: 'module.yaml lists a session that has no file',
      edit: { 'module.yaml': (t) => t.replace('sessions: [river, what-can-we-do]', 'sessions: [river, what-can-we-do, epilogue]') },
      expect: ['module.yaml:32:35 references'],
    },
    {
      title: 'A session cites a reference the module does not list',
      edit: { 'sessions/01-river.md': (t) => t.replace('[@mckinlay-1975]', '[@zola-1970]') },
      expect: ['sessions/01-river.md:20:50 references'],
    },
  ],
  check(ctx) {
    const { mod } = ctx;
    const m = mod.module;
    if (!m) return;
    const sessionIds = new Set(mod.sessions.map((s) => s.data.id));
    const assessmentIds = new Set(mod.assessments.map((a) => a.data.id));
    const rubricIds = new Set(mod.rubrics.map((r) => r.data.id));
    const objectiveIds = new Set(m.data.objectives.map((o) => o.id));
    const referenceIds = new Set(m.data.references.map((r) => r.id));

    const list = (key: 'sessions' | 'assessments' | 'rubrics', known: Set<string>, folder: string) => {
      (m.data[key] ?? []).forEach((id, i) => {
        if (!known.has(id) && !mod.unverified.has(id)) {
          ctx.report(at(m, [key, i]), `No ${folder.slice(0, -1)} has the id \`${id}\`.`,
            `Create a file in ${folder}/ whose id is \`${id}\`, or remove it from \`${key}\`.${suggest(id, known)}`);
        }
      });
    };
    list('sessions', sessionIds, 'sessions');
    list('assessments', assessmentIds, 'assessments');
    list('rubrics', rubricIds, 'rubrics');

    const listed = (key: 'sessions' | 'assessments' | 'rubrics') => new Set(m.data[key] ?? []);
    const unlisted = (files: Array<LoadedYaml<{ id: string }> | LoadedSession>, key: 'sessions' | 'assessments' | 'rubrics') => {
      const ids = listed(key);
      for (const f of files) {
        if (!ids.has(f.data.id)) {
          ctx.report(at(f, ['id']), `\`${f.data.id}\` is not listed in module.yaml's \`${key}\`, so no build includes it.`,
            `Add \`${f.data.id}\` to \`${key}\` in module.yaml, or delete the file.`, undefined, 'warning');
        }
      }
    };
    unlisted(mod.sessions, 'sessions');
    unlisted(mod.assessments, 'assessments');
    unlisted(mod.rubrics, 'rubrics');

    const objectives = (owner: LoadedYaml<unknown> | LoadedSession, ids: readonly string[] | undefined, path: DataPath) => {
      (ids ?? []).forEach((id, i) => {
        if (!objectiveIds.has(id)) {
          ctx.report(at(owner, [...path, i]), `No objective of this module has the id \`${id}\`.`,
            `Use one of the ids under \`objectives\` in module.yaml.${suggest(id, objectiveIds)}`);
        }
      });
    };
    for (const s of mod.sessions) objectives(s, s.data.objectives, ['objectives']);
    for (const a of mod.assessments) {
      objectives(a, a.data.objectives, ['objectives']);
      (a.data.items ?? []).forEach((item, i) => objectives(a, item.objectives, ['items', i, 'objectives']));
      if (a.data.session !== undefined && !sessionIds.has(a.data.session) && !mod.unverified.has(a.data.session)) {
        ctx.report(at(a, ['session']), `No session has the id \`${a.data.session}\`.`, `Use a session id from module.yaml.${suggest(a.data.session, sessionIds)}`);
      }
      if (a.data.rubric !== undefined && !rubricIds.has(a.data.rubric) && !mod.unverified.has(a.data.rubric)) {
        ctx.report(at(a, ['rubric']), `No rubric has the id \`${a.data.rubric}\`.`, `Create rubrics/${a.data.rubric}.yaml or use an existing rubric id.${suggest(a.data.rubric, rubricIds)}`);
      }
    }
    for (const r of mod.rubrics) r.data.criteria.forEach((c, i) => objectives(r, c.objectives, ['criteria', i, 'objectives']));

    for (const s of mod.sessions) citations(ctx, s, referenceIds);
  },
};

function citations(ctx: RuleContext, s: LoadedSession, referenceIds: Set<string>) {
  for (const { key, index } of citationKeys(s.body.text)) {
    if (!referenceIds.has(key)) {
      ctx.report(s.body.place(index, index + key.length + 1), `The citation \`@${key}\` names no reference of this module.`,
        `Add a reference with \`id: ${key}\` under \`references\` in module.yaml, or fix the key.${suggest(key, referenceIds)}`);
    }
  }
}

function suggest(id: string, known: Set<string>): string {
  const close = [...known].find((k) => k.startsWith(id.slice(0, 4)) || id.startsWith(k.slice(0, 4)));
  return close ? ` Did you mean \`${close}\`?` : '';
}
