import type { Root } from 'mdast';
import type {
  AssessmentData, Asset, LoadedModule, ModuleData, RubricData, Segment, SessionData,
} from './types.js';
import { segmentsOf, walkTree } from './session-tree.js';

/** A session ready to render: its front matter, Markdown tree and timed segments. */
export interface SessionModel extends SessionData {
  /** Path of the source file relative to the module folder, e.g. `sessions/01-river.md`. */
  source: string;
  tree: Root;
  segments: Segment[];
  /** Assessments placed in this session, by `::assessment{id}` or by their `session` key, in order. */
  assessments: string[];
}

export interface AssessmentModel extends AssessmentData {
  source: string;
}

export interface RubricModel extends RubricData {
  source: string;
}

/**
 * The normalised module every renderer and packager reads: module.yaml's data with sessions,
 * assessments and rubrics resolved and in module order. Built only from a module without errors.
 */
export interface ModuleModel extends Omit<ModuleData, 'sessions' | 'assessments' | 'rubrics'> {
  sessions: SessionModel[];
  assessments: AssessmentModel[];
  rubrics: RubricModel[];
  assets: Asset[];
}

/** Turns a loaded module that validated without errors into the model. */
export function normalize(mod: LoadedModule): ModuleModel {
  if (!mod.module) throw new Error(`${mod.dir}: no module.yaml to build from`);
  const rel = (file: string) => file.slice(mod.dir.replace(/\\/g, '/').replace(/\/+$/, '').length + 1);
  const data = mod.module.data;
  const byId = <T extends { data: { id: string } }>(list: T[]) => new Map(list.map((x) => [x.data.id, x]));
  const sessions = byId(mod.sessions);
  const assessments = byId(mod.assessments);
  const rubrics = byId(mod.rubrics);

  const assessmentOrder = (data.assessments ?? []).filter((id) => assessments.has(id));
  const placed = new Map<string, string>();
  const sessionModels: SessionModel[] = data.sessions.flatMap((id) => {
    const s = sessions.get(id);
    if (!s) return [];
    const inline: string[] = [];
    for (const { node } of walkTree(s.tree)) {
      if (node.type === 'leafDirective' && node.name === 'assessment' && node.attributes?.id) {
        inline.push(node.attributes.id);
        placed.set(node.attributes.id, id);
      }
    }
    return [{ ...s.data, source: rel(s.file), tree: s.tree, segments: segmentsOf(s.tree), assessments: inline }];
  });
  // Assessments not placed inline go at the end of their `session`, or of the last session.
  for (const id of assessmentOrder) {
    if (placed.has(id)) continue;
    const target = assessments.get(id)!.data.session ?? sessionModels.at(-1)?.id;
    sessionModels.find((s) => s.id === target)?.assessments.push(id);
  }

  const { sessions: _s, assessments: _a, rubrics: _r, ...rest } = data;
  return {
    ...rest,
    sessions: sessionModels,
    assessments: assessmentOrder.map((id) => ({ ...assessments.get(id)!.data, source: rel(assessments.get(id)!.file) })),
    rubrics: (data.rubrics ?? []).filter((id) => rubrics.has(id)).map((id) => ({ ...(rubrics.get(id)!.data as RubricData), source: rel(rubrics.get(id)!.file) })),
    assets: mod.assets,
  };
}

/** Points a scored item is worth (1 unless set); reflections and essays score nothing automatically. */
export function itemPoints(item: { type: string; points?: number }): number {
  if (item.type === 'reflection' || item.type === 'essay') return 0;
  return item.points ?? 1;
}

/** The items of a module's quizzes, which SCORM and cmi5 packages score. */
export function quizMaxScore(model: ModuleModel): number {
  return model.assessments.filter((a) => a.kind === 'quiz').flatMap((a) => a.items ?? []).reduce((s, i) => s + itemPoints(i), 0);
}
