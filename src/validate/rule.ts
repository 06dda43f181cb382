import type { Nodes } from 'mdast';
import type { Diagnostic, Place, Severity } from '../diagnostics/diagnostic.js';
import type { DataPath } from '../load/yaml-source.js';
import type {
  AssessmentData, LoadedSession, LoadedYaml, ModuleData, RubricData,
} from '../model/types.js';

export interface ValidateOptions {
  /**
   * Validate for a build that learners will use: fields left for the school to fill in
   * (support contacts) must be filled.
   */
  release?: boolean;
}

/** The files of a module that passed their JSON Schema, so rules can trust their shape. */
export interface CheckedModule {
  dir: string;
  name: string;
  module?: LoadedYaml<ModuleData>;
  sessions: LoadedSession[];
  assessments: LoadedYaml<AssessmentData>[];
  rubrics: LoadedYaml<RubricData>[];
  files: Set<string>;
  /**
   * Ids that may exist but could not be checked (their file is broken, already reported).
   * Rules do not report references to them, so one broken file gives one report, not a cascade.
   */
  unverified: Set<string>;
}

export interface RuleContext {
  mod: CheckedModule;
  options: ValidateOptions;
  /** Reports a problem with this rule's id, at the rule's severity unless `severity` says otherwise. */
  report(place: Place, message: string, hint?: string, related?: Place, severity?: Severity): void;
}

/**
 * An example that documents a rule and is run by the tests: `edit` changes files of the module
 * that `upstream new demo` writes (return `null` to delete a file), and `expect` lists the
 * diagnostics that result, as `file:line:column rule-id`, with paths relative to the module.
 */
export interface RuleExample {
  title: string;
  edit: Record<string, (text: string) => string | null>;
  expect: string[];
  options?: ValidateOptions;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One paragraph: what the rule checks and why. */
  docs: string;
  examples: RuleExample[];
  check(ctx: RuleContext): void;
}

/** The place of a YAML node in a loaded file. */
export function at(file: LoadedYaml<unknown> | LoadedSession, path: DataPath, part: 'value' | 'key' = 'value'): Place {
  return file.source.locate(path, part);
}

/** The place of a Markdown node in a session. */
export function atNode(session: LoadedSession, node: Nodes): Place {
  const p = node.position;
  if (!p) return { file: session.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { file: session.file, line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column };
}

export type { Diagnostic };
