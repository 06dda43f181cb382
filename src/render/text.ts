import type { ModuleModel } from '../model/normalize.js';
import type { Confidentiality, Feedback } from '../model/types.js';
import { BUILT_IN_FRAMEWORKS } from '../validate/vocabularies.js';

/** Words for the learner and the facilitator, shared by the site and the guide. */

/** `90` → "1 hour 30 minutes". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [h > 0 ? `${h} hour${h === 1 ? '' : 's'}` : '', m > 0 || h === 0 ? `${m} minute${m === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(' ');
}

/** Elapsed minutes as a clock, `65` → "1:05"; with a start ("09:30"), the time of day. */
export function clock(minutes: number, start?: { h: number; m: number }): string {
  const total = minutes + (start ? start.h * 60 + start.m : 0);
  const h = Math.floor(total / 60) % (start ? 24 : Number.POSITIVE_INFINITY);
  const m = total % 60;
  return start ? `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}` : `${h}:${String(m).padStart(2, '0')}`;
}

/** "09:30" → { h: 9, m: 30 }; anything else → undefined. */
export function parseStartTime(text: string | undefined): { h: number; m: number } | undefined {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text ?? '');
  return match ? { h: Number(match[1]), m: Number(match[2]) } : undefined;
}

/** The exact rule for each confidentiality setting, as facilitators read it out. */
export const CONFIDENTIALITY: Record<Confidentiality, { name: string; rule: string }> = {
  'chatham-house': {
    name: 'Chatham House Rule',
    rule: 'Participants are free to use the information received, but neither the identity nor the affiliation of the speaker(s), nor that of any other participant, may be revealed.',
  },
  'full-confidentiality': {
    name: 'Full confidentiality',
    rule: 'What is said in the session stays in the session: no participant repeats or reports what anyone else said, or who said it, outside it, in any form.',
  },
  none: {
    name: 'No confidentiality rule',
    rule: 'This module sets no confidentiality rule. Remind participants that what they say may be repeated.',
  },
};

/** "pcrs:c0604" → "PCRS c0604 (Systems-Based Practice)", using the module's own frameworks first. */
export function competencyLabel(model: Pick<ModuleModel, 'frameworks'>, qualified: string): string {
  const at = qualified.indexOf(':');
  if (at < 0) return qualified;
  const prefix = qualified.slice(0, at);
  const code = qualified.slice(at + 1);
  const own = model.frameworks?.find((f) => f.id === prefix);
  if (own) return own.codes.find((c) => c.code === code)?.title ?? code;
  const builtIn = BUILT_IN_FRAMEWORKS[prefix];
  return builtIn ? builtIn.label(code) : qualified;
}

export function frameworkTitle(model: Pick<ModuleModel, 'frameworks'>, qualified: string): string {
  const prefix = qualified.split(':')[0]!;
  return model.frameworks?.find((f) => f.id === prefix)?.title ?? BUILT_IN_FRAMEWORKS[prefix]?.title ?? prefix;
}

export function feedbackFor(feedback: Feedback | undefined, correct: boolean): string | undefined {
  if (feedback === undefined) return undefined;
  return typeof feedback === 'string' ? feedback : correct ? feedback.correct : feedback.incorrect;
}

export const BLOOM_LABEL: Record<string, string> = {
  remember: 'Remember', understand: 'Understand', apply: 'Apply', analyze: 'Analyze', evaluate: 'Evaluate', create: 'Create',
};

export const ITEM_TYPE_LABEL: Record<string, string> = {
  'single-choice': 'Single choice', 'multiple-response': 'Multiple response', 'true-false': 'True or false',
  'short-answer': 'Short answer', essay: 'Essay', reflection: 'Reflection',
};
