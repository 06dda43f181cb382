import { buildCommand, buildHelp } from './commands/build.js';
import { inspectCommand, inspectHelp } from './commands/inspect.js';
import { newCommand, newHelp } from './commands/new.js';
import { previewCommand, previewHelp } from './commands/preview.js';
import { validateCommand, validateHelp } from './commands/validate.js';
import { EXIT, UsageError, version, type Io } from './io.js';

const commands: Record<string, { run: (argv: string[], io: Io) => Promise<number>; help: string; summary: string }> = {
  validate: { run: validateCommand, help: validateHelp, summary: 'check modules and report every problem' },
  new: { run: newCommand, help: newHelp, summary: 'create a module that validates clean' },
  preview: { run: previewCommand, help: previewHelp, summary: 'serve the site and guide, rebuilding as you save' },
  build: { run: buildCommand, help: buildHelp, summary: 'build LMS packages, the learner site and the guide' },
  inspect: { run: inspectCommand, help: inspectHelp, summary: 'check any LMS package before import' },
};

export function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return `Usage: upstream <command> [options]

Author, check and ship teaching modules.

Commands:
${Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     show help (also after a command)
  -v, --version  show the version

Run \`upstream <command> --help\` for a command's options.`;
}

/** Runs the CLI and returns the exit code. Never throws for anything a user can type. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.out(mainHelp());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.out(version());
    return EXIT.ok;
  }
  const command = commands[first];
  if (!command) {
    io.err(`upstream: unknown command "${first}"\n\n${mainHelp()}`);
    return EXIT.usage;
  }
  if (rest.includes('--version') || rest.includes('-v')) {
    io.out(version());
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`upstream ${first}: ${(error as Error).message}\n\n${command.help}`);
      return EXIT.usage;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
