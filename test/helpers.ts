import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load, scaffold, validate, type Diagnostic, type RuleExample } from '../src/index.js';

/** Writes the `upstream new demo` module into a fresh temp folder, with edits applied. */
export async function scaffoldModule(edit: RuleExample['edit'] = {}, id = 'demo'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'upstream-test-'));
  const dir = path.join(root, id);
  const files = scaffold(id, dir);
  for (const [rel, fn] of Object.entries(edit)) {
    const before = files.get(rel) ?? '';
    const after = fn(before);
    if (after === null) files.delete(rel);
    else files.set(rel, after);
  }
  for (const [rel, text] of files) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** `file:line:column rule-id`, with the file relative to the module folder. */
export function brief(d: Diagnostic, dir: string): string {
  const rel = d.file.startsWith(dir) ? d.file.slice(dir.length + 1) : d.file;
  return `${rel}:${d.line}:${d.column} ${d.ruleId}`;
}

export async function runExample(example: RuleExample): Promise<{ got: string[]; diagnostics: Diagnostic[] }> {
  const { dir, cleanup } = await scaffoldModule(example.edit);
  try {
    const diagnostics = validate(await load(dir), example.options ?? {});
    return { got: diagnostics.map((d) => brief(d, dir)), diagnostics };
  } finally {
    await cleanup();
  }
}
