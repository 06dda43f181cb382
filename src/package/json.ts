import type { ModuleModel } from '../model/normalize.js';
import type { OutputFiles, Target } from '../model/target.js';
import { createHash } from 'node:crypto';
import { utf8 } from './xml.js';

/** The version of the shape of `<id>.json`, described by schemas/module-model.schema.json. */
export const MODEL_JSON_VERSION = 1;

/** Sorts object keys recursively, so the same model always gives the same text. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** The normalized module for other systems: no Markdown trees, assets by path, size and SHA-256. */
export function moduleJson(model: ModuleModel): unknown {
  const { sessions, assets, ...rest } = model;
  return sortKeys({
    $upstream: MODEL_JSON_VERSION,
    ...rest,
    sessions: sessions.map(({ tree: _tree, ...s }) => s),
    assets: assets.map((a) => ({ path: a.path, size: a.bytes.length, sha256: createHash('sha256').update(a.bytes).digest('hex') })),
  });
}

export const jsonTarget: Target = {
  name: 'json',
  summary: 'the normalized module as JSON, for other systems',
  build: (model): OutputFiles => new Map([[`${model.id}.json`, utf8(`${JSON.stringify(moduleJson(model), null, 2)}\n`)]]),
};
