import { parseArgs } from 'node:util';
import path from 'node:path';
import { build, targets } from '../../build.js';
import { formatPretty } from '../../diagnostics/format.js';
import { TARGET_NAMES, type TargetName } from '../../model/target.js';
import { renderSiteIndex } from '../../render/site/site-index.js';
import { OutDirRefused, checkOutDir, write } from '../../write/write-build.js';
import { EXIT, UsageError, type Io } from '../io.js';

export const DEFAULT_OUT = 'dist/packages';

export const buildHelp = `Usage: upstream build [paths…] [options]

Builds every valid module into <out>/<id>/: SCORM 1.2 and 2004 zips, a Common Cartridge (.imscc)
for Moodle and Canvas, a cmi5 package, the learner site, the facilitator guide and <id>.json.
A module with errors is reported (as \`upstream validate\` does) and skipped; the others still build.
A path is a module folder or a folder of modules (default: modules).

Options:
  --target <list>  comma-separated targets (default: all): ${TARGET_NAMES.join(', ')}
  --out <dir>      output folder (default: ${DEFAULT_OUT})
  --no-pdf         skip the guide's PDF even where Chromium is installed
  --quiet          no progress output
  -h, --help       show this help

Each file is written to a temporary name and renamed into place, so an interrupted build leaves
the previous packages whole.

Exit status: 0 all built, 1 a module had errors (the others were built), 2 usage error.`;

export async function buildCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      out: { type: 'string', default: DEFAULT_OUT },
      'no-pdf': { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(buildHelp);
    return EXIT.ok;
  }
  let wanted: TargetName[] | undefined;
  if (values.target !== undefined) {
    const names = values.target.split(',').map((t) => t.trim()).filter(Boolean);
    if (names.length === 0) throw new UsageError('--target needs at least one target name');
    for (const n of names) {
      if (!(TARGET_NAMES as readonly string[]).includes(n) || !targets[n as TargetName]) {
        throw new UsageError(`unknown target "${n}"; available: ${TARGET_NAMES.filter((t) => targets[t]).join(', ')}`);
      }
    }
    wanted = names as TargetName[];
  }
  const paths = positionals.length > 0 ? positionals : ['modules'];
  const outDir = path.resolve(io.cwd, values.out!);
  const progress = !values.quiet && (io.errTty ?? false);
  const started = Date.now();
  // Refuse a bad --out before spending time on the build.
  try {
    checkOutDir(outDir, paths.map((p) => path.resolve(io.cwd, p)).filter((p) => !p.endsWith('.md') && !p.endsWith('.yaml')), io.cwd);
  } catch (error) {
    if (error instanceof OutDirRefused) throw new UsageError(error.message);
    throw error;
  }
  const result = await build(paths.map((p) => path.resolve(io.cwd, p)), {
    ...(wanted ? { targets: wanted } : {}),
    pdf: !values['no-pdf'],
    onProgress: (e) => {
      if (!progress) return;
      if (e.phase === 'start') io.err(`[${e.index + 1}/${e.total}] building ${path.relative(io.cwd, e.dir) || e.dir}…`);
    },
  });
  const built = result.modules.filter((m) => m.model && m.files.size > 0);
  const extra = new Map<string, Uint8Array>();
  if ((wanted ?? TARGET_NAMES).includes('html') && built.length > 0) {
    const models = built.map((m) => m.model!).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const [p, bytes] of renderSiteIndex(models)) extra.set(p, bytes);
  }
  let written: string[];
  try {
    written = await write(result, outDir, extra);
  } catch (error) {
    if (error instanceof OutDirRefused) throw new UsageError(error.message);
    throw error;
  }
  const problems = result.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  if (problems.length > 0) io.err(formatPretty(result.diagnostics, { color: io.color }));
  const failed = result.modules.filter((m) => !m.model);
  if (!values.quiet) {
    for (const m of built) {
      const sizes = [...m.files].filter(([p]) => !p.includes('/')).map(([p, b]) => `${p} (${Math.round(b.length / 1024)} KiB)`);
      io.out(`built ${m.id}: ${sizes.join(', ')}`);
    }
    for (const m of failed) io.out(`skipped ${path.relative(io.cwd, m.dir) || m.dir}: it has errors (see above)`);
    io.out(`${built.length} module${built.length === 1 ? '' : 's'} built into ${path.relative(io.cwd, outDir) || outDir} (${written.length} files) in ${((Date.now() - started) / 1000).toFixed(1)} s${failed.length ? `; ${failed.length} skipped` : ''}.`);
  }
  return failed.length > 0 || result.diagnostics.some((d) => d.severity === 'error') ? EXIT.problems : EXIT.ok;
}
