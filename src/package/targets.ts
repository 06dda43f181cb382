import type { Target, TargetName } from '../model/target.js';
import { ccTarget } from './cc.js';
import { cmi5Target } from './cmi5.js';
import { ciTarget } from './curriculum-inventory.js';
import { jsonTarget } from './json.js';
import { scorm12Target, scorm2004Target } from './scorm.js';

/** Targets an LMS imports, and the model as JSON for other systems. */
export const packageTargets: Partial<Record<TargetName, Target>> = {
  scorm12: scorm12Target,
  scorm2004: scorm2004Target,
  cc: ccTarget,
  cmi5: cmi5Target,
  ci: ciTarget,
  json: jsonTarget,
};
