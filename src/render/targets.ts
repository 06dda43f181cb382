import type { Target, TargetName } from '../model/target.js';

/** Targets people read: the learner site and the facilitator guide. */
export const renderTargets: Partial<Record<TargetName, Target>> = {};
