import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import * as api from '../src/index.js';

// The public surface, pinned: adding or removing an export is a deliberate change to this list.
test('the package root exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'OutDirRefused', 'build', 'buildEach', 'check', 'formatGithub', 'formatInspect', 'formatJson', 'formatPretty', 'formatSarif',
    'hasErrors', 'inspect', 'load', 'rules', 'scaffold', 'targets', 'validate', 'write',
  ]);
});

test('the published types name the model, the diagnostic and the options (dist/lib/index.d.ts)', () => {
  const dts = readFileSync(new URL('../dist/lib/index.d.ts', import.meta.url), 'utf8');
  const types = [...dts.matchAll(/export type \{([^}]+)\}/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim())).sort();
  expect(types).toEqual([
    'AssessmentModel', 'BuildEachOptions', 'BuildOptions', 'Diagnostic', 'InspectOptions', 'InspectReport', 'ModuleBuild', 'ModuleModel',
    'OutputFiles', 'PackageFormat', 'Place', 'Point', 'Problem', 'RubricModel', 'Rule', 'RuleExample', 'SessionModel',
    'Severity', 'TargetName', 'ValidateOptions',
  ]);
  expect(dts).toContain("export type * from './model/types.js'");
  expect(dts).toContain('export interface ModuleReport');
});
