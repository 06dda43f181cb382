/**
 * The module model: what `load()` produces and every later stage reads.
 * The data interfaces mirror the JSON Schemas in `schemas/` (the source of truth);
 * `test/model-types.test.ts` checks that the two agree property for property.
 */
import type { Root } from 'mdast';
import type { SourceText, YamlSource } from '../load/yaml-source.js';

export type BloomLevel = 'remember' | 'understand' | 'apply' | 'analyze' | 'evaluate' | 'create';
export type Confidentiality = 'chatham-house' | 'full-confidentiality' | 'none';

export interface Author { name: string; affiliation?: string; role?: string }
export interface FrameworkCode { code: string; title: string }
export interface Framework { id: string; title: string; url?: string; codes: FrameworkCode[] }
export interface Objective { id: string; text: string; bloom: BloomLevel; competencies: string[] }
export interface SupportResource { name: string; contact: string; description?: string; scope?: 'local' | 'national' | 'crisis' }
export interface Reference { id: string; citation: string; url?: string; note?: string }
export interface Safety {
  learningSpace?: string;
  rightToPass?: string;
  alternativeActivity?: string;
  coFacilitator?: string;
  disclosureProtocol?: string[];
}

/** module.yaml */
export interface ModuleData {
  id: string;
  title: string;
  version: string;
  summary: string;
  audience: string;
  duration: number;
  language: string;
  license: string;
  authors: Author[];
  keywords: string[];
  frameworks?: Framework[];
  competencies: string[];
  objectives: Objective[];
  sessions: string[];
  assessments?: string[];
  rubrics?: string[];
  masteryScore?: number;
  sensitive?: boolean;
  contentNotes?: string[];
  confidentiality: Confidentiality;
  safety?: Safety;
  support?: SupportResource[];
  references: Reference[];
  trustedHtml?: boolean;
}

export type Material = string | { title: string; file: string };

/** The front matter of a session file. */
export interface SessionData {
  id: string;
  title: string;
  duration: number;
  methods: { primary: string; other?: string[] };
  resources?: string[];
  objectives: string[];
  groupSize: { min: number; max: number };
  materials?: Material[];
  preparation?: string;
}

export type Feedback = string | { correct: string; incorrect: string };
export interface Choice { id: string; text: string; correct?: boolean; feedback?: string }
export type ItemType = 'single-choice' | 'multiple-response' | 'true-false' | 'short-answer' | 'essay' | 'reflection';
export interface Item {
  id: string;
  type: ItemType;
  prompt: string;
  objectives?: string[];
  points?: number;
  choices?: Choice[];
  answer?: boolean;
  accept?: string[];
  feedback?: Feedback;
  report?: boolean;
}

/** assessments/*.yaml */
export interface AssessmentData {
  id: string;
  title: string;
  kind: 'quiz' | 'reflection' | 'assignment';
  purpose: 'formative' | 'summative';
  method: string;
  session?: string;
  instructions?: string;
  rubric?: string;
  objectives?: string[];
  report?: boolean;
  items?: Item[];
}

export interface RubricLevel { id: string; label: string; points: number }
export interface Criterion { id: string; title: string; objectives: string[]; descriptors: Record<string, string> }

/** rubrics/*.yaml */
export interface RubricData {
  id: string;
  title: string;
  description?: string;
  levels: RubricLevel[];
  criteria: Criterion[];
  gradebook: { method: 'points' | 'percent' | 'complete-incomplete'; passing?: number; note?: string };
}

/** A timed block of a session (`:::segment{minutes=10}`), in source order. */
export interface Segment {
  minutes: number;
  title?: string;
  method?: string;
  group?: string;
  line: number;
  column: number;
}

/**
 * A loaded file. `data` is what the file said, unchecked until `validate()` has run on it;
 * `source` keeps the text and positions so that any rule can point into the file.
 */
export interface LoadedYaml<T> {
  kind: 'module' | 'assessment' | 'rubric';
  file: string;
  source: YamlSource;
  data: T;
}

export interface LoadedSession {
  kind: 'session';
  file: string;
  /** The front matter, positioned in the session file. */
  source: YamlSource;
  data: SessionData;
  /** The whole file's text (front matter blanked) and its Markdown tree. */
  body: SourceText;
  tree: Root;
}

export interface Asset {
  /** Path relative to the module folder, with `/` separators. */
  path: string;
  /** The file as loaded by `load()`; stages after load never read the disk. */
  bytes: Uint8Array;
}

export interface LoadedModule {
  /** The module folder, as given (relative or absolute). */
  dir: string;
  /** The folder name, which should equal `module.id`. */
  name: string;
  module?: LoadedYaml<ModuleData>;
  sessions: LoadedSession[];
  assessments: LoadedYaml<AssessmentData>[];
  rubrics: LoadedYaml<RubricData>[];
  assets: Asset[];
  /** Every file path the module folder holds (relative, `/` separators), for link checks. */
  files: Set<string>;
  /** Source files that exist but could not be read or parsed (already reported). */
  broken: Array<{ kind: 'module' | 'session' | 'assessment' | 'rubric'; file: string }>;
  /** Problems found while reading and parsing. `validate()` adds the rest. */
  diagnostics: import('../diagnostics/diagnostic.js').Diagnostic[];
}
