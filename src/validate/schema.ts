import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { DataPath, YamlSource } from '../load/yaml-source.js';

export type SchemaKind = 'module' | 'session' | 'assessment' | 'rubric';

/** Where the JSON Schemas live: `schemas/` at the package root, found from this file (src/ or dist/lib/). */
export const SCHEMA_DIR = packageRoot() + 'schemas/';

function packageRoot(): string {
  let url = new URL('./', import.meta.url);
  for (let i = 0; i < 5; i++) {
    url = new URL('../', url);
    if (existsSync(fileURLToPath(new URL('schemas/module.schema.json', url)))) return fileURLToPath(url);
  }
  throw new Error('Upstream is installed incompletely: its schemas/ folder is missing');
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let compiled: Record<SchemaKind, ValidateFunction> | undefined;

/** Where `npm run compile` puts the precompiled validators (scripts/compile-schemas.mjs), beside this file in dist/. */
const GENERATED = fileURLToPath(new URL('./schemas.generated.cjs', import.meta.url));

/** The hash scripts/compile-schemas.mjs stamps into the generated file: every schema file's bytes, in order. */
function schemasHash(): string {
  const h = createHash('sha256');
  for (const k of ['common', 'module', 'session', 'assessment', 'rubric']) {
    h.update(k).update('\0').update(readFileSync(`${SCHEMA_DIR}${k}.schema.json`)).update('\0');
  }
  return h.digest('hex');
}

/**
 * The validators precompiled at `npm run compile` (ajv standalone code, same options), when that
 * file exists and was made from the schemas as they are now; otherwise undefined.
 */
function precompiled(): Record<SchemaKind, ValidateFunction> | undefined {
  if (process.env.UPSTREAM_AJV_RUNTIME === '1' || !existsSync(GENERATED)) return undefined;
  try {
    const gen = createRequire(import.meta.url)(GENERATED) as Partial<Record<SchemaKind, ValidateFunction>> & { schemasHash?: string };
    if (gen.schemasHash !== schemasHash() || !gen.module || !gen.session || !gen.assessment || !gen.rubric) return undefined;
    return { module: gen.module, session: gen.session, assessment: gen.assessment, rubric: gen.rubric };
  } catch {
    return undefined;
  }
}

function validators(): Record<SchemaKind, ValidateFunction> {
  compiled ??= precompiled() ?? compileValidators();
  return compiled;
}

/** Compiles the schemas now (about 400 ms). The options must match scripts/compile-schemas.mjs. */
export function compileValidators(): Record<SchemaKind, ValidateFunction> {
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true, allowUnionTypes: true });
  addFormats(ajv);
  const read = (name: string) => JSON.parse(readFileSync(`${SCHEMA_DIR}${name}.schema.json`, 'utf8')) as object;
  ajv.addSchema(read('common'));
  return {
    module: ajv.compile(read('module')),
    session: ajv.compile(read('session')),
    assessment: ajv.compile(read('assessment')),
    rubric: ajv.compile(read('rubric')),
  };
}

/**
 * Checks data against its JSON Schema and turns each ajv error into a diagnostic at the YAML
 * node it concerns: an unknown key at the key, a missing key at its parent, anything else at
 * the offending value.
 */
export function checkSchema(kind: SchemaKind, data: unknown, source: YamlSource): Diagnostic[] {
  const validate = validators()[kind];
  let ok: boolean;
  try {
    ok = validate(data) as boolean;
  } catch {
    // ajv recurses with the data; only absurdly deep input gets here.
    return [diagnostic(source.locate([]), 'error', 'schema', 'This file is nested too deeply to check.',
      'Module files need only a few levels of nesting.')];
  }
  if (ok) return [];
  return toDiagnostics(validate.errors ?? [], source);
}

function toDiagnostics(errors: ErrorObject[], source: YamlSource): Diagnostic[] {
  // A value that fits none of a oneOf's forms makes ajv report every branch's complaints too.
  // When the value has the type of exactly one form (a mapping where text or a mapping may go),
  // the author meant that form: keep its complaints, which say what to fix. Otherwise keep the
  // one error that lists the forms.
  const dropped = new Set<ErrorObject>();
  for (const o of errors.filter((e) => e.keyword === 'oneOf')) {
    const branches = ((o.schema ?? []) as Array<{ type?: string }>);
    const matching = branches.flatMap((b, i) => (typeMatches(b.type, o.data) ? [i] : []));
    const inside = errors.filter((e) => e !== o && e.schemaPath.startsWith(`${o.schemaPath}/`) &&
      (e.instancePath === o.instancePath || e.instancePath.startsWith(`${o.instancePath}/`)));
    const chosen = matching.length === 1 ? `${o.schemaPath}/${matching[0]}/` : undefined;
    const keep = chosen ? inside.filter((e) => e.schemaPath.startsWith(chosen)) : [];
    if (keep.length > 0) dropped.add(o);
    for (const e of inside) if (!keep.includes(e)) dropped.add(e);
  }
  const kept = errors.filter((e) => !dropped.has(e));
  // `audiense:` makes two errors, an unknown key and a missing `audience`: the did-you-mean on
  // the unknown key says it all, so the missing key is not reported apart.
  const typos = new Set<string>();
  for (const e of kept) {
    if (e.keyword !== 'additionalProperties') continue;
    const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const guess = closest((e.params as { additionalProperty: string }).additionalProperty, allowed);
    if (guess) typos.add(`${e.instancePath}\u0000${guess}`);
  }
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    const path = pointerToPath(e.instancePath);
    const field = fieldName(path);
    let place;
    let message: string;
    let hint: string | undefined;
    const parent = e.parentSchema as { title?: string; description?: string; properties?: Record<string, { description?: string }> } | undefined;
    switch (e.keyword) {
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        if (typos.has(`${e.instancePath}\u0000${missing}`)) continue;
        place = firstLine(source, path);
        message = field ? `${field}: the required key \`${missing}\` is missing.` : `The required key \`${missing}\` is missing.`;
        hint = parent?.properties?.[missing]?.description ?? `Add \`${missing}:\`.`;
        break;
      }
      case 'additionalProperties': {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        place = source.locate([...path, extra], 'key');
        const allowed = Object.keys(parent?.properties ?? {});
        const guess = closest(extra, allowed);
        message = `${field ? `${field}: ` : ''}\`${extra}\` is not a known key here.`;
        hint = guess ? `Did you mean \`${guess}\`?` : allowed.length > 0 ? `Known keys: ${allowed.join(', ')}.` : 'Remove it.';
        break;
      }
      case 'enum': {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
        place = source.locate(path);
        message = `${field}: ${JSON.stringify(e.data)} is not one of the allowed values.`;
        hint = `Use one of: ${allowed.map((v) => String(v)).join(', ')}.`;
        break;
      }
      case 'oneOf': {
        place = source.locate(path);
        const forms = ((e.schema ?? []) as Array<{ type?: string; description?: string }>);
        const types = [...new Set(forms.map((f) => (f.type ? article(f.type) : 'another form')))];
        message = `${field || 'The file'}: expected ${types.join(' or ')}, found ${describe(e.data)}.`;
        hint = forms.map((f, i) => `${i === 0 ? 'Either' : 'or'} ${f.type ? article(f.type) : 'a value'}: ${(f.description ?? '').replace(/\.$/, '')}`).join('; ') + '.';
        break;
      }
      case 'type':
        place = source.locate(path);
        message = `${field || 'The file'}: expected ${article((e.params as { type: string }).type)}, found ${describe(e.data)}.`;
        hint = parent?.description;
        break;
      case 'pattern':
      case 'format':
        place = source.locate(path);
        message = `${field}: ${JSON.stringify(e.data)} is not a valid ${(parent?.title ?? 'value').toLowerCase()}.`;
        hint = parent?.description;
        break;
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        place = source.locate(path);
        const limit = (e.params as { limit: number }).limit;
        const words: Record<string, string> = {
          minLength: limit <= 1 ? 'is empty; write some text here' : `is too short: write at least ${limit} characters`,
          maxLength: `is too long: keep it to ${limit} characters`,
          minItems: `needs at least ${limit} ${limit === 1 ? 'entry' : 'entries'}`,
          maxItems: `may have at most ${limit} ${limit === 1 ? 'entry' : 'entries'}`,
          minimum: `is ${String(e.data)}, but must be at least ${limit}`,
          maximum: `is ${String(e.data)}, but must be at most ${limit}`,
          exclusiveMinimum: `is ${String(e.data)}, but must be more than ${limit}`,
          exclusiveMaximum: `is ${String(e.data)}, but must be less than ${limit}`,
        };
        message = `${field || 'The file'} ${words[e.keyword]!}.`;
        hint = parent?.description;
        break;
      }
      case 'uniqueItems':
        place = source.locate(path);
        message = `${field}: the list repeats an entry.`;
        hint = 'Remove the repeated entry.';
        break;
      default:
        place = source.locate(path);
        message = `${field || 'The file'}: ${e.message ?? 'is not valid'}.`;
        hint = parent?.description;
    }
    const key = `${place.line}:${place.column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic(place, 'error', 'schema', message, hint));
  }
  return out;
}

function typeMatches(type: string | undefined, v: unknown): boolean {
  if (type === undefined) return false;
  if (v === null) return type === 'null';
  if (Array.isArray(v)) return type === 'array';
  if (typeof v === 'number') return type === 'number' || (type === 'integer' && Number.isInteger(v));
  return typeof v === type;
}

function pointerToPath(pointer: string): DataPath {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => {
    const k = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(k) ? Number(k) : k;
  });
}

/** `['objectives', 2, 'text']` reads `objectives[2].text` (0-based, as in the data). */
export function fieldName(path: DataPath): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s;
}

function firstLine(source: YamlSource, path: DataPath) {
  const p = source.locate(path);
  return p.endLine === p.line ? p : { ...p, endLine: p.line, endColumn: p.column + 1 };
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping (key: value lines)', array: 'a list', string: 'text', integer: 'a whole number',
    number: 'a number', boolean: 'true or false',
  };
  return names[type] ?? type;
}

function describe(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)}`;
  return `${typeof v} ${String(v)}`;
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function readSchema(kind: SchemaKind | 'common'): unknown {
  return JSON.parse(readFileSync(`${SCHEMA_DIR}${kind}.schema.json`, 'utf8'));
}
