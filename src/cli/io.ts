import { readFileSync } from 'node:fs';
import { SCHEMA_DIR } from '../validate/schema.js';

/** Where a command prints, so tests can run commands in-process and read what they said. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a colour-capable terminal (and NO_COLOR is unset). */
  color: boolean;
  cwd: string;
  /** Whether stderr is a terminal (progress output for long builds). */
  errTty?: boolean;
}

export const processIo = (): Io => ({
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && process.env.TERM !== 'dumb',
  cwd: process.cwd(),
  errTty: Boolean(process.stderr.isTTY),
});

/** Exit codes, stable for scripts and CI. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export class UsageError extends Error {}

export function version(): string {
  const pkg = JSON.parse(readFileSync(`${SCHEMA_DIR}../package.json`, 'utf8')) as { version: string };
  return pkg.version;
}
