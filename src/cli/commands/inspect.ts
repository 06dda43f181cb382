import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatInspect, inspect } from '../../package/inspect.js';
import { EXIT, UsageError, type Io } from '../io.js';

export const inspectHelp = `Usage: upstream inspect <file> [options]

Checks any LMS package before you import it (SCORM 1.2, SCORM 2004, IMS Common Cartridge, cmi5),
whoever made it: validates it against the official schemas, finds what the schemas miss (dangling
references, missing files, wrong schemaversion, Moodle's namespace quirks), lists its organizations,
items and launch files, and says in plain words what would break and in which LMS.
The package is read in memory; nothing is extracted. Hostile archives (paths escaping the folder,
symbolic links, zip bombs) are refused.

Options:
  --format <f>   pretty (default) or json
  -h, --help     show this help

Exit status: 0 importable, 1 problems found (or the archive was refused), 2 usage error.`;

export async function inspectCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'pretty' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(inspectHelp);
    return EXIT.ok;
  }
  const format = values.format!;
  if (format !== 'pretty' && format !== 'json') throw new UsageError(`unknown format "${format}"; use pretty or json`);
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name the package file to inspect' : 'inspect one package at a time');
  const file = path.resolve(io.cwd, positionals[0]!);
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new UsageError(`no such file: ${positionals[0]}`);
  }
  if (!info.isFile()) throw new UsageError(`${positionals[0]} is not a file; inspect reads a package (.zip or .imscc)`);
  const report = await inspect(file);
  const shown = { ...report, file: positionals[0]! };
  io.out(format === 'json' ? JSON.stringify(shown, null, 2) : formatInspect(shown));
  return report.importable ? EXIT.ok : EXIT.problems;
}
