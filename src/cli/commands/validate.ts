import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildEach } from '../../build.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { parseJobs } from './build.js';
import { formatGithub, formatJson, formatPretty, formatSarif } from '../../diagnostics/format.js';
import { rules } from '../../validate/rules/index.js';
import { MAX_SOURCE_BYTES } from '../../load/read-text.js';
import { EXIT, UsageError, version, type Io } from '../io.js';

export const validateHelp = `Usage: upstream validate [paths…] [options]

Checks modules and prints every problem in every file, with its place and how to fix it.
A path is a module folder, a file inside one, or a folder of modules (default: modules).

Options:
  --format <f>   pretty (default), json, github (workflow annotations) or sarif (code scanning)
  --strict       fail on warnings too
  --release      check as a build for learners: support contacts must be filled in
  --jobs <n>     check up to n modules at once in worker threads (default: one per CPU,
                 used only for folders with many modules); the report is the same
  -h, --help     show this help

Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage error.`;

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'pretty' },
      strict: { type: 'boolean', default: false },
      release: { type: 'boolean', default: false },
      jobs: { type: 'string', short: 'j' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(validateHelp);
    return EXIT.ok;
  }
  const format = values.format!;
  if (!['pretty', 'json', 'github', 'sarif'].includes(format)) throw new UsageError(`unknown format "${format}"; use pretty, json, github or sarif`);
  const paths = positionals.length > 0 ? positionals : ['modules'];
  const { jobs, modulesPerWorker } = parseJobs(values.jobs);
  // A build with no targets is load + validate: the same pipeline, spread over the workers.
  const perModule: Diagnostic[] = [];
  const found = await buildEach(paths, { targets: [], release: values.release!, jobs, modulesPerWorker }, (m) => {
    perModule.push(...m.diagnostics);
  });
  const diagnostics = [...found.diagnostics, ...perModule];
  if (format === 'json') io.out(formatJson(diagnostics));
  else if (format === 'sarif') io.out(formatSarif(diagnostics, { version: version(), rules }));
  else if (format === 'github') {
    if (diagnostics.length > 0) io.out(formatGithub(diagnostics));
  } else io.out(formatPretty(diagnostics, { color: io.color, getText: readForFrame }));
  const failing = diagnostics.some((d) => d.severity === 'error' || (values.strict && d.severity === 'warning'));
  return failing ? EXIT.problems : EXIT.ok;
}

/** File text for code frames; nothing for files too big or unreadable (already reported). */
function readForFrame(file: string): string | undefined {
  try {
    if (statSync(file).size > MAX_SOURCE_BYTES) return undefined;
    const text = readFileSync(file, 'utf8');
    return text.includes('\u0000') ? undefined : text.replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}
