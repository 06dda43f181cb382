import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPreview } from '../../preview/preview.js';
import { EXIT, UsageError, type Io } from '../io.js';

export const previewHelp = `Usage: upstream preview [module] [options]

Serves the learner site and the facilitator guide on http://127.0.0.1, rebuilds those of the module
you changed when you save a file, and reloads the page in your browser. Errors show over the page with file:line:col
and how to fix them; the next good save clears them. Nothing is written to disk.
A module is a module folder or a folder of modules (default: modules).

Options:
  --port <n>     port on 127.0.0.1 (default 4400; 0 picks a free one)
  -h, --help     show this help

Stop with Ctrl+C. Exit status: 0 stopped, 2 usage error (or the port is taken).`;

/** `until` resolves when the preview should stop (tests); by default, on Ctrl+C or SIGTERM. */
export async function previewCommand(argv: string[], io: Io, until?: Promise<void>): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { port: { type: 'string', default: '4400' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.out(previewHelp);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError('give at most one module folder (or a folder of modules)');
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port!) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  const target = path.resolve(io.cwd, positionals[0] ?? 'modules');
  if (!existsSync(target)) throw new UsageError(`${positionals[0] ?? 'modules'} does not exist; give a module folder`);
  let preview;
  try {
    preview = await startPreview({ paths: [path.relative(io.cwd, target) || '.'], port, log: io.out, color: io.color });
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; choose another with --port`);
    throw error;
  }
  const first = preview.state().modules[0];
  io.out(`Preview at ${preview.url}${first ? `${first}/site/index.html (guide: ${preview.url}${first}/guide.html)` : ''}\nWatching for changes. Press Ctrl+C to stop.`);
  await (until ?? new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  }));
  await preview.close();
  return EXIT.ok;
}
