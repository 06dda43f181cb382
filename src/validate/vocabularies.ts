/**
 * Standard code lists (see shared DOMAIN.md): MedBiquitous Curriculum Inventory methods and
 * resource types, and the built-in competency frameworks. Modules may add frameworks of their own.
 */

const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(3, '0')}`);

export const INSTRUCTIONAL_METHODS: Record<string, string> = Object.fromEntries(range('IM', 1, 30).map((c, i) => [c, [
  'Case-Based Instruction/Learning', 'Clinical Experience - Ambulatory', 'Clinical Experience - Inpatient', 'Concept Mapping',
  'Conference', 'Demonstration', 'Discussion, Large Group (>12)', 'Discussion, Small Group (≤12)', 'Games',
  'Independent Learning', 'Journal Club', 'Laboratory', 'Lecture', 'Mentorship', 'Patient Presentation - Faculty',
  'Patient Presentation - Learner', 'Peer Teaching', 'Preceptorship', 'Problem-Based Learning (PBL)', 'Reflection',
  'Research', 'Role Play/Dramatization', 'Self-Directed Learning', 'Service Learning Activity', 'Simulation',
  'Team-Based Learning (TBL)', 'Team-Building', 'Tutorial', 'Ward Rounds', 'Workshop',
][i]!]));

export const ASSESSMENT_METHODS: Record<string, string> = Object.fromEntries(range('AM', 1, 19).map((c, i) => [c, [
  'Clinical Documentation Review', 'Clinical Performance Rating/Checklist', 'Exam - Institutionally Developed, Clinical Performance',
  'Exam - Institutionally Developed, Written/Computer-based', 'Exam - Institutionally Developed, Oral',
  'Exam - Licensure, Clinical Performance', 'Exam - Licensure, Written/Computer-based',
  'Exam - Nationally Normed/Standardized, Subject', 'Multisource Assessment', 'Narrative Assessment',
  'Oral Patient Presentation', 'Participation', 'Peer Assessment', 'Portfolio-Based Assessment', 'Practical (Lab)',
  'Research or Project Assessment', 'Self-Assessment', 'Stimulated Recall',
  'Exam - Institutionally Developed, Laboratory Practical (Lab)',
][i]!]));

/** AM015 is inactive in the Curriculum Inventory: accepted with a warning. */
export const INACTIVE_CODES = new Set(['AM015']);

export const RESOURCE_TYPES: Record<string, string> = Object.fromEntries(range('RE', 1, 26).map((c, i) => [c, [
  'Animation', 'Audience Response System', 'Audio', 'Cadaver', 'Clinical Case', 'Distance Learning - Asynchronous',
  'Distance Learning - Synchronous', 'Educational Technology', 'Electronic Health/Medical Record (EHR/EMR)', 'Film/Video',
  'Key Feature', 'Mannequin', 'Medical Images', 'Mobile Application', 'Patient - Teaching', 'Patient - Receiving Clinical Care',
  'Plastinated Specimens', 'Written or Visual Media (or Digital Equivalent)', 'Scenario', 'Searchable Electronic Database',
  'Standardized/Simulated Patient (SP)', 'Task Trainer', 'Ultrasound', 'Virtual Patient', 'Virtual/Computerized Laboratory',
  'Wet Laboratory',
][i]!]));

const PCRS_DOMAINS: Record<string, string> = {
  c01: 'Patient Care', c02: 'Knowledge for Practice', c03: 'Practice-Based Learning and Improvement',
  c04: 'Interpersonal and Communication Skills', c05: 'Professionalism', c06: 'Systems-Based Practice',
  c07: 'Interprofessional Collaboration', c08: 'Personal and Professional Development',
};

export interface BuiltInFramework {
  id: string;
  title: string;
  /** Whether a code belongs to the framework. */
  has(code: string): boolean;
  /** Human-readable label of a code, for guides and exports. */
  label(code: string): string;
  example: string;
}

const listFramework = (id: string, title: string, codes: Record<string, string>): BuiltInFramework => ({
  id, title, has: (c) => c in codes, label: (c) => codes[c] ?? c, example: `${id}:${Object.keys(codes)[0]}`,
});

export const BUILT_IN_FRAMEWORKS: Record<string, BuiltInFramework> = {
  pcrs: {
    id: 'pcrs',
    title: 'AAMC Physician Competency Reference Set',
    // cDDNN: domain 01–08, competency 01–98, or 99 for the domain's "Other".
    has: (c) => /^c0[1-8](0[1-9]|[1-9][0-9])$/.test(c),
    label: (c) => `PCRS ${c} (${PCRS_DOMAINS[c.slice(0, 3)] ?? 'unknown domain'})`,
    example: 'pcrs:c0604',
  },
  acgme: listFramework('acgme', 'ACGME Core Competencies', {
    'patient-care': 'Patient Care',
    'medical-knowledge': 'Medical Knowledge',
    'practice-based-learning-and-improvement': 'Practice-based Learning and Improvement',
    'interpersonal-and-communication-skills': 'Interpersonal and Communication Skills',
    professionalism: 'Professionalism',
    'systems-based-practice': 'Systems-based Practice',
  }),
  epa: listFramework('epa', 'AAMC Core Entrustable Professional Activities for Entering Residency',
    Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`EPA${i + 1}`, `Core EPA ${i + 1}`]))),
  canmeds: listFramework('canmeds', 'CanMEDS 2015 Roles', {
    'medical-expert': 'Medical Expert', communicator: 'Communicator', collaborator: 'Collaborator', leader: 'Leader',
    'health-advocate': 'Health Advocate', scholar: 'Scholar', professional: 'Professional',
  }),
};

/** The full PCRS identifier used by the AAMC Curriculum Inventory, e.g. `aamc-pcrs-comp-c0604`. */
export function pcrsUri(code: string): string {
  return `aamc-pcrs-comp-${code}`;
}
