import type { Rule } from '../rule.js';
import { alignment } from './alignment.js';
import { directives } from './directives.js';
import { items } from './items.js';
import { links } from './links.js';
import { methods } from './methods.js';
import { moduleId } from './module-id.js';
import { objectiveVerb } from './objective-verb.js';
import { proprietaryInstrument } from './proprietary-instrument.js';
import { references } from './references.js';
import { rubricLevels } from './rubric-levels.js';
import { safety } from './safety.js';
import { timing } from './timing.js';
import { trustedHtml } from './trusted-html.js';
import { uniqueIds } from './unique-ids.js';
import { vocabulary } from './vocabulary.js';

/** Every rule, in the order their reports read best. */
export const rules: readonly Rule[] = [
  moduleId, uniqueIds, references, timing, objectiveVerb, alignment, vocabulary, methods, items, rubricLevels,
  links, directives, safety, proprietaryInstrument, trustedHtml,
];
