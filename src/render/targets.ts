import type { Target, TargetName } from '../model/target.js';
import { guideTarget } from './guide/target.js';
import { htmlTarget } from './site/target.js';

/** Targets people read: the learner site and the facilitator guide. */
export const renderTargets: Partial<Record<TargetName, Target>> = { html: htmlTarget, guide: guideTarget };
