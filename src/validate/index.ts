import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareDiagnostics, diagnostic, filePlace } from '../diagnostics/diagnostic.js';
import type { LoadedModule, LoadedSession, LoadedYaml } from '../model/types.js';
import type { CheckedModule, Rule, ValidateOptions } from './rule.js';
import { rules } from './rules/index.js';
import { checkSchema } from './schema.js';

export type { ValidateOptions } from './rule.js';

/**
 * Checks a loaded module: each file against its JSON Schema, then every rule over the files that
 * passed. Returns all diagnostics (the loader's too), sorted by place. Never throws.
 */
export function validate(mod: LoadedModule, options: ValidateOptions = {}, only: readonly Rule[] = rules): Diagnostic[] {
  const out: Diagnostic[] = [...mod.diagnostics];
  const checked: CheckedModule = {
    dir: mod.dir.replace(/\\/g, '/'), name: mod.name, sessions: [], assessments: [], rubrics: [], files: mod.files, unverified: new Set(),
  };
  for (const b of mod.broken) checked.unverified.add(idFromFileName(b.file));

  const pass = <T extends LoadedYaml<unknown> | LoadedSession>(f: T, kind: 'module' | 'session' | 'assessment' | 'rubric'): boolean => {
    const found = checkSchema(kind, f.data, f.source);
    out.push(...found);
    if (found.length === 0) return true;
    const id = (f.data as { id?: unknown } | undefined)?.id;
    checked.unverified.add(typeof id === 'string' ? id : idFromFileName(f.file));
    return false;
  };
  if (mod.module && pass(mod.module, 'module')) checked.module = mod.module;
  for (const s of mod.sessions) if (pass(s, 'session')) checked.sessions.push(s);
  for (const a of mod.assessments) if (pass(a, 'assessment')) checked.assessments.push(a);
  for (const r of mod.rubrics) if (pass(r, 'rubric')) checked.rubrics.push(r);

  for (const rule of only) {
    try {
      rule.check({
        mod: checked,
        options,
        report(place, message, hint, related, severity) {
          out.push(diagnostic(place, severity ?? rule.severity, rule.id, message, hint, related));
        },
      });
    } catch (error) {
      // A rule that trips over odd input is our bug, not the author's: say so without a stack.
      out.push(diagnostic(filePlace(`${checked.dir}/module.yaml`), 'error', 'internal',
        `The check \`${rule.id}\` failed unexpectedly (${error instanceof Error ? error.message : String(error)}).`,
        'Please report this with the module attached; the other checks still ran.'));
    }
  }
  return out.sort(compareDiagnostics);
}

/** `sessions/01-river.md` → `river`: the id a file most likely has, for files too broken to say. */
function idFromFileName(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '').replace(/^\d+[-_]/, '');
}
