import type { Target, TargetName } from '../model/target.js';

/** Targets an LMS imports. */
export const packageTargets: Partial<Record<TargetName, Target>> = {};
