import type { BloomLevel } from '../model/types.js';

/**
 * Measurable verbs by level of Bloom's revised taxonomy (Anderson & Krathwohl 2001), as used in
 * medical-education objective writing. A verb may fit more than one level.
 */
export const BLOOM_VERBS: Record<BloomLevel, readonly string[]> = {
  remember: ['define', 'list', 'recall', 'name', 'identify', 'state', 'recognize', 'label', 'match', 'cite', 'record', 'reproduce', 'locate'],
  understand: ['explain', 'summarize', 'classify', 'describe', 'discuss', 'interpret', 'paraphrase', 'illustrate', 'exemplify',
    'infer', 'restate', 'report', 'translate', 'outline', 'identify', 'recognize', 'relate', 'contrast', 'distinguish', 'characterize'],
  apply: ['apply', 'demonstrate', 'use', 'implement', 'conduct', 'practice', 'perform', 'solve', 'employ', 'execute', 'carry',
    'administer', 'calculate', 'complete', 'tell', 'deliver', 'interview', 'facilitate', 'map', 'role-play', 'respond', 'locate', 'frame', 'present'],
  analyze: ['compare', 'contrast', 'differentiate', 'examine', 'analyze', 'analyse', 'distinguish', 'categorize', 'deconstruct',
    'diagram', 'investigate', 'organize', 'attribute', 'relate', 'map', 'trace', 'explain'],
  evaluate: ['appraise', 'critique', 'judge', 'evaluate', 'assess', 'justify', 'defend', 'argue', 'prioritize', 'recommend',
    'select', 'weigh', 'choose', 'decide', 'rank', 'support'],
  create: ['design', 'formulate', 'construct', 'propose', 'develop', 'compose', 'create', 'plan', 'produce', 'generate', 'devise',
    'write', 'draft', 'build', 'craft', 'prepare', 'assemble', 'organize', 'tell', 'deliver'],
};

/** Verbs that name no observable behaviour: an objective may not start with these. */
export const VAGUE_VERBS: readonly string[] = [
  'understand', 'know', 'appreciate', 'learn', 'believe', 'be familiar with', 'be aware of', 'become familiar with',
  'become aware of', 'realize', 'value', 'grasp', 'comprehend',
];

const levelsByVerb = new Map<string, BloomLevel[]>();
for (const [level, verbs] of Object.entries(BLOOM_VERBS) as Array<[BloomLevel, readonly string[]]>) {
  for (const v of verbs) levelsByVerb.set(v, [...(levelsByVerb.get(v) ?? []), level]);
}

/** The levels a verb belongs to, or an empty list for a verb we do not know. */
export function levelsOf(verb: string): BloomLevel[] {
  return levelsByVerb.get(verb.toLowerCase()) ?? [];
}
