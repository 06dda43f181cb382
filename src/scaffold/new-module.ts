import path from 'node:path';
import { SCHEMA_DIR } from '../validate/schema.js';
import { moduleTemplate } from './template.js';

export const MODULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * The files of a new module, keyed by path relative to the module folder. Each YAML file's first
 * line points the editor at Upstream's JSON Schemas, relative to where the module will live.
 */
export function scaffold(id: string, moduleDir: string): Map<string, string> {
  if (!MODULE_ID.test(id)) throw new TypeError(`invalid module id: ${id}`);
  const rel = path.relative(path.resolve(moduleDir), SCHEMA_DIR).split(path.sep).join('/').replace(/\/$/, '');
  return new Map(Object.entries(moduleTemplate(id, rel)));
}
