import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { load, validate } from '../../src/index.js';
import { normalize, type ModuleModel } from '../../src/model/normalize.js';
import {
  CF_NS, CI_NS, CO_NS, HX_NS, LOM_NS, PCRS_BASE, SKOS, ciTarget, competencyObjectXPath, objectiveUri, type CiExport,
} from '../../src/package/curriculum-inventory.js';
import { ASSESSMENT_METHODS, INSTRUCTIONAL_METHODS, RESOURCE_TYPES, pcrsUri } from '../../src/validate/vocabularies.js';

const MODULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../modules');

// ---------------------------------------------------------------------------------------------
// A small, strict XML reader for the assertions: elements, attributes, text and the five
// predefined entities plus character references. It throws on anything else (comments, CDATA,
// DTDs, stray `<` or `&`, mismatched tags, undeclared prefixes), so whatever it accepts is
// well-formed. xmllint (libxml2) checks well-formedness independently.

interface El { name: string; ns: string; local: string; attrs: Record<string, string>; children: El[]; text: string }

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;

function decode(raw: string): string {
  if (/<|&(?!(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`bad character data: ${raw.slice(0, 80)}`);
  return raw.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'"
      : String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1))));
}

function parseXml(xml: string): El {
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  if (!decl) throw new Error('missing XML declaration');
  let i = decl[0].length;
  const stack: Array<{ el: El; scope: Map<string, string> }> = [];
  let root: El | undefined;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const chunk = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length === 0) {
      if (chunk.trim() !== '') throw new Error('text outside the root element');
    } else {
      stack.at(-1)!.el.text += decode(chunk);
    }
    if (lt < 0) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new Error('unclosed tag');
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const top = stack.pop();
      if (!top || top.el.name !== tag.slice(1)) throw new Error(`mismatched </${tag.slice(1)}>`);
      continue;
    }
    if (root && stack.length === 0) throw new Error('second root element');
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([^\s/>]+)((?:\s+[^\s=]+="[^"]*")*)\s*$/.exec(body);
    if (!m || !NAME.test(m[1]!)) throw new Error(`bad tag <${tag}>`);
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/\s+([^\s=]+)="([^"]*)"/g)) {
      if (!NAME.test(a[1]!) || a[1]! in attrs) throw new Error(`bad or repeated attribute ${a[1]}`);
      attrs[a[1]!] = decode(a[2]!);
    }
    const scope = new Map(stack.at(-1)?.scope ?? [['xml', 'http://www.w3.org/XML/1998/namespace']]);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'xmlns') scope.set('', v);
      else if (k.startsWith('xmlns:')) scope.set(k.slice(6), v);
    }
    for (const k of Object.keys(attrs)) {
      if (k.includes(':') && !k.startsWith('xmlns:') && !scope.has(k.split(':')[0]!)) throw new Error(`undeclared prefix in ${k}`);
    }
    const [prefix, local] = m[1]!.includes(':') ? m[1]!.split(':') as [string, string] : ['', m[1]!];
    if (!scope.has(prefix)) throw new Error(`undeclared prefix in <${m[1]}>`);
    const el: El = { name: m[1]!, ns: scope.get(prefix)!, local, attrs, children: [], text: '' };
    if (stack.length) stack.at(-1)!.el.children.push(el);
    else root = el;
    if (!selfClosing) stack.push({ el, scope });
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)!.el.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

const kids = (el: El, ns: string, local: string) => el.children.filter((c) => c.ns === ns && c.local === local);
const kid = (el: El, ns: string, local: string) => {
  const found = kids(el, ns, local);
  expect(found, `${el.name} > ${local}`).toHaveLength(1);
  return found[0]!;
};
const lomEntry = (el: El) => kid(kid(kid(kid(el, LOM_NS, 'lom'), LOM_NS, 'general'), LOM_NS, 'identifier'), LOM_NS, 'entry').text;
const lomTitle = (el: El) => kid(kid(kid(kid(el, LOM_NS, 'lom'), LOM_NS, 'general'), LOM_NS, 'title'), LOM_NS, 'string').text;
const cfEntry = (el: El) => kid(el, CF_NS, 'Entry').text;

/** ISO 8601 duration → minutes (years and months are not used for events and are refused). */
function isoMinutes(text: string): number {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) throw new Error(`not an ISO 8601 duration: ${text}`);
  const [, w, d, h, min, s] = m.map((x) => Number(x ?? 0));
  return w! * 7 * 1440 + d! * 1440 + h! * 60 + min! + s! / 60;
}

/** The Event element order of the CI schema. */
const EVENT_ORDER = ['Title', 'EventDuration', 'Description', 'Keyword', 'Interprofessional', 'CompetencyObjectReference', 'ResourceType', 'InstructionalMethod', 'AssessmentMethod'];

const decoder = new TextDecoder('utf-8', { fatal: true });
async function build(model: ModuleModel) {
  const files = await ciTarget.build(model, {});
  expect([...files.keys()].sort()).toEqual([`${model.id}.curriculum-inventory.json`, `${model.id}.curriculum-inventory.xml`]);
  const xmlBytes = files.get(`${model.id}.curriculum-inventory.xml`)!;
  const jsonBytes = files.get(`${model.id}.curriculum-inventory.json`)!;
  return { files, xml: decoder.decode(xmlBytes), json: JSON.parse(decoder.decode(jsonBytes)) as CiExport };
}

// ---------------------------------------------------------------------------------------------

const models: ModuleModel[] = [];

beforeAll(async () => {
  const names = (await readdir(MODULES, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const name of names) {
    const mod = await load(path.join(MODULES, name));
    if (validate(mod).some((d) => d.severity === 'error')) continue;
    models.push(normalize(mod));
  }
}, 60_000);

describe('ci target on every module in modules/', () => {
  test('builds at least five modules', () => {
    expect(models.length).toBeGreaterThanOrEqual(5);
    expect(ciTarget.name).toBe('ci');
  });

  test('the XML is well-formed (libxml2) and in the CI namespaces', async () => {
    for (const model of models) {
      const { xml } = await build(model);
      const result = await validateXML({ xml: { fileName: `${model.id}.xml`, contents: xml }, normalization: 'format' });
      expect(result.errors, model.id).toEqual([]);
      expect(result.valid).toBe(true);
      const root = parseXml(xml);
      expect(root.attrs.xmlns).toBe(CI_NS);
      expect(root.attrs['xmlns:lom']).toBe(LOM_NS);
      expect(root.attrs['xmlns:co']).toBe(CO_NS);
      expect(root.attrs['xmlns:hx']).toBe(HX_NS);
      expect(root.children.map((c) => `${c.ns} ${c.local}`)).toEqual([`${CI_NS} Events`, `${CI_NS} Expectations`]);
    }
  }, 60_000);

  test('output is byte-identical on two runs', async () => {
    for (const model of models) {
      const a = await ciTarget.build(model, {});
      const b = await ciTarget.build(structuredClone(model), {});
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [file, bytes] of a) expect(Buffer.from(b.get(file)!).equals(Buffer.from(bytes)), file).toBe(true);
    }
  });

  test('events: one primary instructional method, or one assessment method with a purpose; standard codes; schema order', async () => {
    for (const model of models) {
      const { xml } = await build(model);
      const events = kids(kid(parseXml(xml), CI_NS, 'Events'), CI_NS, 'Event');
      expect(events).toHaveLength(model.sessions.length + model.assessments.length);
      const ids = events.map((e) => e.attrs.id!);
      expect(new Set(ids).size).toBe(ids.length);
      for (const e of events) {
        const where = `${model.id} ${e.attrs.id}`;
        expect(e.attrs.id, where).toMatch(/^[A-Za-z_][\w.-]*$/); // an xs:ID
        expect(e.children.every((c) => c.ns === CI_NS), where).toBe(true);
        const order = e.children.map((c) => EVENT_ORDER.indexOf(c.local));
        expect(order.every((o) => o >= 0), where).toBe(true);
        expect(order, where).toEqual([...order].sort((x, y) => x - y));
        expect(kid(e, CI_NS, 'Title').text.length).toBeGreaterThan(0);

        const im = kids(e, CI_NS, 'InstructionalMethod');
        const am = kids(e, CI_NS, 'AssessmentMethod');
        expect(im.length > 0 !== am.length > 0, `${where}: instructional xor assessment`).toBe(true);
        if (im.length) {
          expect(im.filter((m) => m.attrs.primary === 'true'), where).toHaveLength(1);
          expect(im.every((m) => m.attrs.primary === 'true' || m.attrs.primary === 'false'), where).toBe(true);
          for (const m of im) {
            expect(Object.keys(INSTRUCTIONAL_METHODS), where).toContain(m.text);
            if (m.attrs.instructionalMethodDuration !== undefined) isoMinutes(m.attrs.instructionalMethodDuration);
          }
          expect(new Set(im.map((m) => m.text)).size).toBe(im.length);
          const session = model.sessions.find((s) => e.attrs.id === `${model.id}.session.${s.id}`)!;
          expect(im.find((m) => m.attrs.primary === 'true')!.text).toBe(session.methods.primary);
        } else {
          expect(am, where).toHaveLength(1);
          expect(['Formative', 'Summative']).toContain(am[0]!.attrs.purpose);
          expect(Object.keys(ASSESSMENT_METHODS), where).toContain(am[0]!.text);
          const assessment = model.assessments.find((a) => e.attrs.id === `${model.id}.assessment.${a.id}`)!;
          expect(am[0]!.attrs.purpose!.toLowerCase()).toBe(assessment.purpose);
        }
        for (const r of kids(e, CI_NS, 'ResourceType')) expect(Object.keys(RESOURCE_TYPES), where).toContain(r.text);
        for (const k of kids(e, CI_NS, 'Keyword')) expect(model.keywords).toContain(kid(k, HX_NS, 'string').text);
        const description = kids(e, CI_NS, 'Description')[0]?.text;
        if (description !== undefined) {
          expect(description.trim()).toBe(description);
          expect(description.length).toBeGreaterThan(0);
          expect(description, `${where}: plain text`).not.toMatch(/\*\*|__|`|\[@|<\/?[a-z]|:::|\]\(/);
        }
      }
    }
  });

  test('durations are ISO 8601 and the session events add up to the module', async () => {
    for (const model of models) {
      const { xml } = await build(model);
      const events = kids(kid(parseXml(xml), CI_NS, 'Events'), CI_NS, 'Event');
      let sessionMinutes = 0;
      for (const e of events) {
        const minutes = isoMinutes(kid(e, CI_NS, 'EventDuration').text);
        if (kids(e, CI_NS, 'InstructionalMethod').length) {
          sessionMinutes += minutes;
          const session = model.sessions.find((s) => e.attrs.id === `${model.id}.session.${s.id}`)!;
          expect(minutes).toBe(session.duration);
          const perMethod = kids(e, CI_NS, 'InstructionalMethod').map((m) => m.attrs.instructionalMethodDuration);
          if (perMethod.some((d) => d !== undefined)) {
            expect(perMethod.reduce((sum, d) => sum + (d ? isoMinutes(d) : 0), 0)).toBeLessThanOrEqual(minutes);
          }
        }
      }
      expect(sessionMinutes, model.id).toBe(model.duration);
    }
  });

  test('every objective is a CompetencyObject related to at least one PCRS competency', async () => {
    for (const model of models) {
      const { xml } = await build(model);
      const root = parseXml(xml);
      const expectations = kid(root, CI_NS, 'Expectations');
      const objects = kids(expectations, CI_NS, 'CompetencyObject');
      const byEntry = new Map(objects.map((o) => [lomEntry(o), o]));
      expect(objects).toHaveLength(model.objectives.length);
      const framework = kid(expectations, CI_NS, 'CompetencyFramework');
      lomEntry(framework);
      const includes = new Set(kids(framework, CF_NS, 'Includes').map(cfEntry));
      const relations = kids(framework, CF_NS, 'Relation').map((r) => ({
        ref1: cfEntry(kid(r, CF_NS, 'Reference1')), rel: kid(r, CF_NS, 'Relationship').text, ref2: cfEntry(kid(r, CF_NS, 'Reference2')),
      }));
      for (const r of relations) {
        expect(Object.values(SKOS)).toContain(r.rel);
        expect(includes.has(r.ref1) && includes.has(r.ref2), 'related objects are included in the framework').toBe(true);
      }

      for (const o of model.objectives) {
        const uri = objectiveUri(model.id, o.id);
        const co = byEntry.get(uri);
        expect(co, `${model.id} ${o.id}`).toBeDefined();
        expect(lomTitle(co!)).toBe(o.text.replace(/\s+/g, ' ').trim());
        expect(kid(co!, CO_NS, 'Category').attrs.term).toBe('event-level-competency');
        const pcrs = relations.filter((r) => r.ref2 === uri && /#aamc-pcrs-comp-c0[1-8]\d\d$/.test(r.ref1));
        expect(pcrs.length, `${model.id} ${o.id} relates to a PCRS competency`).toBeGreaterThan(0);
        const expected = o.competencies.filter((c) => c.startsWith('pcrs:')).map((c) => PCRS_BASE + pcrsUri(c.slice(5)));
        expect(pcrs.map((r) => r.ref1).sort()).toEqual([...new Set(expected)].sort());
      }

      // Every reference from an event points at a competency object of the fragment.
      const entries = new Set(byEntry.keys());
      for (const e of kids(kid(root, CI_NS, 'Events'), CI_NS, 'Event')) {
        for (const ref of kids(e, CI_NS, 'CompetencyObjectReference')) {
          const m = /^\/CurriculumInventory\/Expectations\/CompetencyObject\[lom:lom\/lom:general\/lom:identifier\/lom:entry='([^']+)'\]$/.exec(ref.text);
          expect(m, ref.text).not.toBeNull();
          expect(entries.has(m![1]!)).toBe(true);
        }
      }
      // Each session references exactly the objectives it lists.
      for (const s of model.sessions) {
        const e = kids(kid(root, CI_NS, 'Events'), CI_NS, 'Event').find((x) => x.attrs.id === `${model.id}.session.${s.id}`)!;
        expect(kids(e, CI_NS, 'CompetencyObjectReference').map((r) => r.text).sort())
          .toEqual([...new Set(s.objectives)].map((id) => competencyObjectXPath(objectiveUri(model.id, id))).sort());
      }
    }
  });

  test('non-PCRS competencies are in the JSON only', async () => {
    for (const model of models) {
      const { xml, json } = await build(model);
      for (const o of model.objectives) {
        const co = json.competencyObjects.find((c) => c.objective === o.id)!;
        expect(co.competencies.map((c) => c.id)).toEqual([...new Set(o.competencies)]);
        for (const c of co.competencies) {
          if (c.framework === 'pcrs') expect(c.uri).toBe(PCRS_BASE + pcrsUri(c.code));
          else {
            expect(c.uri).toBeUndefined();
            expect(xml).not.toContain(c.id);
          }
        }
      }
    }
  });

  test('the JSON mirrors the XML', async () => {
    for (const model of models) {
      const { xml, json } = await build(model);
      const root = parseXml(xml);
      expect(json.module).toEqual({ id: model.id, title: model.title, version: model.version });
      const events = kids(kid(root, CI_NS, 'Events'), CI_NS, 'Event');
      expect(json.events.map((e) => e.id)).toEqual(events.map((e) => e.attrs.id));
      for (const [i, e] of events.entries()) {
        const j = json.events[i]!;
        expect(j.title).toBe(kid(e, CI_NS, 'Title').text);
        expect(j.duration).toBe(kid(e, CI_NS, 'EventDuration').text);
        expect(isoMinutes(j.duration)).toBe(j.minutes);
        expect(j.description).toBe(kids(e, CI_NS, 'Description')[0]?.text);
        expect(j.keywords).toEqual(kids(e, CI_NS, 'Keyword').map((k) => kid(k, HX_NS, 'string').text));
        expect(j.competencyObjectReferences).toEqual(kids(e, CI_NS, 'CompetencyObjectReference').map((r) => r.text));
        expect(j.competencyObjectReferences).toEqual(j.competencyObjects.map(competencyObjectXPath));
        expect(j.resourceTypes.map((r) => r.code)).toEqual(kids(e, CI_NS, 'ResourceType').map((r) => r.text));
        expect((j.instructionalMethods ?? []).map((m) => [m.code, String(m.primary), m.duration]))
          .toEqual(kids(e, CI_NS, 'InstructionalMethod').map((m) => [m.text, m.attrs.primary, m.attrs.instructionalMethodDuration]));
        expect(j.assessmentMethod ? [j.assessmentMethod.code, j.assessmentMethod.purpose] : undefined)
          .toEqual(kids(e, CI_NS, 'AssessmentMethod').map((m) => [m.text, m.attrs.purpose])[0]);
      }
      const expectations = kid(root, CI_NS, 'Expectations');
      expect(json.competencyObjects.map((c) => [c.id, c.title, c.category])).toEqual(
        kids(expectations, CI_NS, 'CompetencyObject').map((o) => [lomEntry(o), lomTitle(o), kid(o, CO_NS, 'Category').attrs.term]));
      const framework = kid(expectations, CI_NS, 'CompetencyFramework');
      expect(json.framework.includes).toEqual(kids(framework, CF_NS, 'Includes').map(cfEntry));
      expect(json.relations).toEqual(kids(framework, CF_NS, 'Relation').map((r) => ({
        reference1: cfEntry(kid(r, CF_NS, 'Reference1')), relationship: kid(r, CF_NS, 'Relationship').text, reference2: cfEntry(kid(r, CF_NS, 'Reference2')),
      })));
    }
  });
});

describe('ci target escaping', () => {
  test('XML special characters in titles are escaped and read back unchanged', async () => {
    const nasty = `Tom & Jerry <script>"quoted" 'apos' ]]> a > b`;
    const model = structuredClone(models[0]!);
    model.title = nasty;
    model.keywords = [...model.keywords, nasty];
    model.sessions[0]!.title = nasty;
    model.assessments[0]!.title = nasty;
    model.objectives[0]!.text = nasty;

    const { xml, json } = await build(model);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('Tom & Jerry');
    expect(xml).toContain('Tom &amp; Jerry &lt;script&gt;');
    const result = await validateXML({ xml: { fileName: 'nasty.xml', contents: xml }, normalization: 'format' });
    expect(result.errors).toEqual([]);

    const root = parseXml(xml);
    const events = kids(kid(root, CI_NS, 'Events'), CI_NS, 'Event');
    const titles = events.map((e) => kid(e, CI_NS, 'Title').text);
    expect(titles.filter((t) => t === nasty)).toHaveLength(2);
    expect(events[0]!.children.filter((c) => c.local === 'Keyword').map((k) => kid(k, HX_NS, 'string').text)).toContain(nasty);
    const objects = kids(kid(root, CI_NS, 'Expectations'), CI_NS, 'CompetencyObject');
    expect(lomTitle(objects[0]!)).toBe(nasty);
    expect(lomTitle(kid(kid(root, CI_NS, 'Expectations'), CI_NS, 'CompetencyFramework'))).toBe(`Competency Framework for ${nasty}`);
    expect(json.module.title).toBe(nasty);
    expect(json.events[0]!.title).toBe(nasty);
  });

  test('characters XML cannot carry are dropped, not emitted', async () => {
    const model = structuredClone(models[0]!);
    model.sessions[0]!.title = 'Bell\u0007 and form feed\u000C here';
    const { xml } = await build(model);
    parseXml(xml);
    expect((await validateXML({ xml: { fileName: 'ctl.xml', contents: xml }, normalization: 'format' })).errors).toEqual([]);
    expect(xml).toContain('<Title>Bell and form feed here</Title>');
  });
});
