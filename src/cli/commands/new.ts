import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MODULE_ID, scaffold } from '../../scaffold/new-module.js';
import { writeFiles } from '../../write/write-files.js';
import { EXIT, UsageError, type Io } from '../io.js';

export const newHelp = `Usage: upstream new <id> [options]

Creates modules/<id>/ with a small, complete module that validates clean: module.yaml, two
sessions, a quiz, a reflection, an assignment and its rubric. Each YAML file points your editor
at Upstream's JSON Schemas, so VS Code (YAML extension) completes and checks as you type.

Options:
  --dir <folder>   where to create the module (default: modules)
  -h, --help       show this help`;

export async function newCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { dir: { type: 'string', default: 'modules' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.out(newHelp);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError('give one module id, e.g. `upstream new burnout-origins`');
  const id = positionals[0]!;
  if (!MODULE_ID.test(id)) {
    throw new UsageError(`"${id}" is not a valid module id: use lowercase letters, digits and single hyphens, starting with a letter (e.g. burnout-origins)`);
  }
  const target = path.join(path.resolve(io.cwd, values.dir!), id);
  if (existsSync(target)) throw new UsageError(`${path.relative(io.cwd, target) || target} already exists; choose another id or remove it`);
  await writeFiles(target, scaffold(id, target));
  const shown = path.relative(io.cwd, target) || target;
  io.out(`Created ${shown}/\n\nNext:\n  upstream validate ${shown}\n  edit ${shown}/module.yaml (hover a key in VS Code for help)`);
  return EXIT.ok;
}
