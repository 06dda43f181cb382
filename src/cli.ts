#!/usr/bin/env node
import { main } from './cli/main.js';
import { processIo } from './cli/io.js';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only a bug in Upstream reaches here; keep the report short and ask for it.
    process.stderr.write(`upstream: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report this at the project's issue tracker, with the command you ran.\n`);
    process.exitCode = 3;
  },
);
