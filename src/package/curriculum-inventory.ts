import type { Nodes } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { AssessmentModel, ModuleModel, SessionModel } from '../model/normalize.js';
import type { OutputFiles, Target } from '../model/target.js';
import { competencyLabel, frameworkTitle } from '../render/text.js';
import { ASSESSMENT_METHODS, INSTRUCTIONAL_METHODS, RESOURCE_TYPES, pcrsUri } from '../validate/vocabularies.js';
import { attrs, esc, utf8, XML_DECL } from './xml.js';

/**
 * The `ci` target: a MedBiquitous Curriculum Inventory (ANSI/MEDBIQ CI.10.1-2013, the format the
 * AAMC Curriculum Inventory imports) fragment for one module, `<id>.curriculum-inventory.xml`,
 * and the same data as JSON, `<id>.curriculum-inventory.json`.
 *
 * A full CI report also needs an institution, program, reporting period, academic levels and a
 * sequence, none of which a module knows. The fragment therefore holds only what a module does
 * know, in the standard's element names and order, for a school's CI tool to merge into its report:
 *
 * - `Events`: one `Event` per session (instructional methods, resource types) and one per
 *   assessment (assessment method with its purpose), each pointing at the objectives it covers.
 * - `Expectations`: each objective as an `event-level-competency` `CompetencyObject`, and a
 *   `CompetencyFramework` relating each objective to its PCRS competencies.
 *
 * References inside the fragment (`CompetencyObjectReference`) are the XPaths the standard
 * prescribes, rooted at `/CurriculumInventory`, so they resolve once the parts are merged.
 */

export const CI_NS = 'http://ns.medbiq.org/curriculuminventory/v10/';
export const LOM_NS = 'http://ltsc.ieee.org/xsd/LOM';
export const CF_NS = 'http://ns.medbiq.org/competencyframework/v1/';
export const CO_NS = 'http://ns.medbiq.org/competencyobject/v1/';
export const HX_NS = 'http://ns.medbiq.org/lom/extend/v1/';
/** The wrapper element is Upstream's, not the standard's, so it lives in a namespace of its own. */
export const FRAGMENT_NS = 'urn:upstream-curriculum:ci-fragment:1';

/**
 * The AAMC publishes the PCRS as one page with an anchor per competency; CI reports (Ilios,
 * Entrada, TUSK exports) identify a PCRS competency by that page's URL with the AAMC identifier
 * (`pcrsUri`, e.g. `aamc-pcrs-comp-c0604`) as the fragment.
 */
export const PCRS_BASE = 'https://services.aamc.org/30/ci-school-web/pcrs/PCRS.html#';

/** Relationship URIs the CI competency framework allows. */
export const SKOS = {
  broader: 'http://www.w3.org/2004/02/skos/core#broader',
  narrower: 'http://www.w3.org/2004/02/skos/core#narrower',
  related: 'http://www.w3.org/2004/02/skos/core#related',
} as const;

// ---------------------------------------------------------------------------------------------
// The export as data: built once from the model, then written out as XML and as JSON, so that
// the two always say the same thing.

export interface CiCode { code: string; label: string }

export interface CiInstructionalMethod extends CiCode {
  primary: boolean;
  /** Minutes the session's segments spend on this method, when every segment names its method. */
  minutes?: number;
  /** The same as an ISO 8601 duration (`instructionalMethodDuration`). */
  duration?: string;
}

export interface CiEvent {
  /** The `Event/@id`. */
  id: string;
  kind: 'session' | 'assessment';
  /** The session's or assessment's id in the module. */
  source: string;
  title: string;
  /** ISO 8601 duration (`EventDuration`). */
  duration: string;
  minutes: number;
  /** False when the module gives no time for it (assessments): `duration` is then `PT0M`. */
  durationKnown: boolean;
  description?: string;
  keywords: string[];
  /** Identifiers (`lom:entry`) of the competency objects the event addresses. */
  competencyObjects: string[];
  /** The `CompetencyObjectReference` XPaths, in the same order. */
  competencyObjectReferences: string[];
  resourceTypes: CiCode[];
  instructionalMethods?: CiInstructionalMethod[];
  assessmentMethod?: CiCode & { purpose: 'Formative' | 'Summative' };
}

export interface CiCompetency {
  /** `framework:code` as the module writes it. */
  id: string;
  framework: string;
  frameworkTitle: string;
  code: string;
  label: string;
  /** For PCRS codes only: the identifier the CI uses. Other frameworks have no CI identifier. */
  uri?: string;
}

export interface CiCompetencyObject {
  /** The `lom:identifier/lom:entry`. */
  id: string;
  objective: string;
  title: string;
  category: 'event-level-competency';
  bloom: string;
  /** Every competency the objective maps to, PCRS or not (only PCRS reaches the XML). */
  competencies: CiCompetency[];
}

export interface CiRelation { reference1: string; relationship: string; reference2: string }

export interface CiExport {
  module: { id: string; title: string; version: string };
  events: CiEvent[];
  competencyObjects: CiCompetencyObject[];
  framework: { id: string; title: string; includes: string[] };
  relations: CiRelation[];
}

// ---------------------------------------------------------------------------------------------

/** Minutes as an ISO 8601 duration, e.g. `45` → `PT45M` (CI reports count event time in minutes). */
export function isoMinutes(minutes: number): string {
  return `PT${minutes}M`;
}

/** The `lom:entry` URI of an objective's competency object. */
export function objectiveUri(moduleId: string, objectiveId: string): string {
  return `urn:upstream:${moduleId}:objective:${objectiveId}`;
}

/** The `CompetencyObjectReference` XPath for a competency object, as the standard writes it. */
export function competencyObjectXPath(uri: string): string {
  return `/CurriculumInventory/Expectations/CompetencyObject[lom:lom/lom:general/lom:identifier/lom:entry='${uri}']`;
}

const eventId = (moduleId: string, kind: 'session' | 'assessment', id: string) => `${moduleId}.${kind}.${id}`;

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

const BLOCKS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'containerDirective']);

/** The words of a Markdown node, without markup, citations (`[@key]`) or raw HTML. */
function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text': case 'inlineCode': return node.value;
    case 'break': return ' ';
    case 'image': return node.alt ?? '';
    case 'html': case 'footnoteReference': case 'footnoteDefinition': case 'code': case 'definition': return '';
    default: return 'children' in node ? (node.children as Nodes[]).map(plainText).join(BLOCKS.has(node.type) ? ' ' : '') : '';
  }
}

function tidy(text: string): string {
  return text.replace(/\s*\[@[^\]\n]*\]/g, '').replace(/\s+/g, ' ').replace(/\s+([.,;:!?)])/g, '$1').trim();
}

/**
 * The opening paragraphs of a Markdown tree, as plain text, stopping at the first other block (for
 * a session, its first segment). A paragraph that ends in a colon takes the list it introduces.
 */
function summary(blocks: Nodes[]): string | undefined {
  const parts: string[] = [];
  for (const [i, node] of blocks.entries()) {
    if (node.type === 'heading' && parts.length === 0) continue;
    if (node.type !== 'paragraph') break;
    const text = tidy(plainText(node));
    if (text) parts.push(text);
    const next = blocks[i + 1];
    if (text.endsWith(':') && next?.type === 'list') {
      parts.push(`${next.children.map((item) => tidy(plainText(item)).replace(/[.;]$/, '')).join('; ')}.`);
      break;
    }
  }
  const text = parts.join(' ');
  return text === '' ? undefined : text;
}

const code = (table: Record<string, string>, c: string): CiCode => ({ code: c, label: table[c] ?? c });
const unique = <T>(list: T[]) => [...new Set(list)];

function instructionalMethods(s: SessionModel): CiInstructionalMethod[] {
  const codes = unique([s.methods.primary, ...(s.methods.other ?? []), ...s.segments.flatMap((g) => (g.method ? [g.method] : []))]);
  // Minutes per method are known only when every segment says which method it uses.
  const timed = s.segments.length > 0 && s.segments.every((g) => g.method && Number.isInteger(g.minutes));
  const minutes = new Map<string, number>();
  if (timed) for (const g of s.segments) minutes.set(g.method!, (minutes.get(g.method!) ?? 0) + g.minutes);
  return codes.map((c) => {
    const m: CiInstructionalMethod = { ...code(INSTRUCTIONAL_METHODS, c), primary: c === s.methods.primary };
    const spent = minutes.get(c);
    if (spent) {
      m.minutes = spent;
      m.duration = isoMinutes(spent);
    }
    return m;
  });
}

/** Builds the export data from the model. Pure: the same model gives the same data. */
export function curriculumInventory(model: ModuleModel): CiExport {
  const objectiveIds = model.objectives.map((o) => o.id);
  const inModuleOrder = (ids: Iterable<string>) => {
    const wanted = new Set(ids);
    return objectiveIds.filter((id) => wanted.has(id));
  };
  const references = (ids: Iterable<string>) => {
    const uris = inModuleOrder(ids).map((id) => objectiveUri(model.id, id));
    return { competencyObjects: uris, competencyObjectReferences: uris.map(competencyObjectXPath) };
  };
  const keywords = unique(model.keywords.map((k) => k.trim()).filter(Boolean));

  const sessionEvent = (s: SessionModel): CiEvent => {
    const description = summary(s.tree.children);
    return {
      id: eventId(model.id, 'session', s.id),
      kind: 'session',
      source: s.id,
      title: s.title,
      duration: isoMinutes(s.duration),
      minutes: s.duration,
      durationKnown: true,
      ...(description ? { description } : {}),
      keywords,
      ...references(s.objectives),
      resourceTypes: unique(s.resources ?? []).map((c) => code(RESOURCE_TYPES, c)),
      instructionalMethods: instructionalMethods(s),
    };
  };

  const rubrics = new Map(model.rubrics.map((r) => [r.id, r]));
  const assessmentEvent = (a: AssessmentModel): CiEvent => {
    const description = a.instructions ? summary(markdown.parse(a.instructions).children) : undefined;
    const covered = [
      ...(a.objectives ?? []),
      ...(a.items ?? []).flatMap((i) => i.objectives ?? []),
      ...(a.rubric ? rubrics.get(a.rubric)?.criteria.flatMap((c) => c.objectives) ?? [] : []),
    ];
    return {
      id: eventId(model.id, 'assessment', a.id),
      kind: 'assessment',
      source: a.id,
      title: a.title,
      // The standard requires an EventDuration, and an assessment has no time of its own in the
      // model: any class time it takes is already counted in the session that holds it.
      duration: isoMinutes(0),
      minutes: 0,
      durationKnown: false,
      ...(description ? { description } : {}),
      keywords,
      ...references(covered),
      resourceTypes: [],
      assessmentMethod: { ...code(ASSESSMENT_METHODS, a.method), purpose: a.purpose === 'summative' ? 'Summative' : 'Formative' },
    };
  };

  // Each session, followed by the assessments it holds; then any assessment no session holds.
  const assessments = new Map(model.assessments.map((a) => [a.id, a]));
  const done = new Set<string>();
  const events: CiEvent[] = [];
  for (const s of model.sessions) {
    events.push(sessionEvent(s));
    for (const id of s.assessments) {
      const a = assessments.get(id);
      if (a && !done.has(id)) {
        done.add(id);
        events.push(assessmentEvent(a));
      }
    }
  }
  for (const a of model.assessments) if (!done.has(a.id)) events.push(assessmentEvent(a));

  const competencyObjects: CiCompetencyObject[] = model.objectives.map((o) => ({
    id: objectiveUri(model.id, o.id),
    objective: o.id,
    title: tidy(o.text),
    category: 'event-level-competency',
    bloom: o.bloom,
    competencies: unique(o.competencies).map((qualified) => {
      const at = qualified.indexOf(':');
      const framework = qualified.slice(0, at);
      const c = qualified.slice(at + 1);
      const competency: CiCompetency = {
        id: qualified, framework, frameworkTitle: frameworkTitle(model, qualified), code: c, label: competencyLabel(model, qualified),
      };
      if (framework === 'pcrs') competency.uri = PCRS_BASE + pcrsUri(c);
      return competency;
    }),
  }));

  // Only PCRS has identifiers the Curriculum Inventory knows, so only PCRS competencies are
  // related in the XML. ACGME, EPA, CanMEDS and a module's own framework codes stay in the JSON
  // (`competencyObjects[].competencies`): the standard has no vocabulary for them.
  // Each objective is `related` to its PCRS competencies, PCRS first, as CI exports relate
  // their own objectives to the PCRS.
  const relations: CiRelation[] = competencyObjects.flatMap((co) =>
    co.competencies.filter((c) => c.uri).map((c) => ({ reference1: c.uri!, relationship: SKOS.related, reference2: co.id })));
  const pcrsIncludes = unique(relations.map((r) => r.reference1));

  return {
    module: { id: model.id, title: model.title, version: model.version },
    events,
    competencyObjects,
    framework: {
      id: `urn:upstream:${model.id}:competency-framework`,
      title: `Competency Framework for ${model.title}`,
      includes: [...pcrsIncludes, ...competencyObjects.map((co) => co.id)],
    },
    relations,
  };
}

// ---------------------------------------------------------------------------------------------
// XML. A small indenting writer over `xml.ts`'s escaping: one element a line, text inline.

type Attrs = Record<string, string | undefined>;
interface Node { name: string; attrs?: Attrs; text?: string; children?: Node[] }

const n = (name: string, attributes: Attrs | undefined, ...children: Array<Node | false | undefined>): Node =>
  ({ name, ...(attributes ? { attrs: attributes } : {}), children: children.filter((c): c is Node => !!c) });
const t = (name: string, text: string, attributes?: Attrs): Node => ({ name, text, ...(attributes ? { attrs: attributes } : {}) });

function write(node: Node, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const open = `${node.name}${attrs(node.attrs ?? {})}`;
  if (node.text !== undefined) out.push(`${pad}<${open}>${esc(node.text)}</${node.name}>`);
  else if (!node.children?.length) out.push(`${pad}<${open}/>`);
  else {
    out.push(`${pad}<${open}>`);
    for (const child of node.children) write(child, depth + 1, out);
    out.push(`${pad}</${node.name}>`);
  }
}

const lomIdentified = (uri: string, title: string) =>
  n('lom:lom', undefined,
    n('lom:general', undefined,
      n('lom:identifier', undefined, t('lom:catalog', 'URI'), t('lom:entry', uri)),
      n('lom:title', undefined, t('lom:string', title))));

const cfReference = (name: string, uri: string) => n(name, undefined, t('cf:Catalog', 'URI'), t('cf:Entry', uri));

function eventNode(e: CiEvent): Node {
  return n('Event', { id: e.id },
    t('Title', e.title),
    t('EventDuration', e.duration),
    e.description !== undefined && t('Description', e.description),
    ...e.keywords.map((k) => n('Keyword', undefined, t('hx:string', k))),
    ...e.competencyObjectReferences.map((ref) => t('CompetencyObjectReference', ref)),
    ...e.resourceTypes.map((r) => t('ResourceType', r.code)),
    ...(e.instructionalMethods ?? []).map((m) =>
      t('InstructionalMethod', m.code, { primary: String(m.primary), instructionalMethodDuration: m.duration })),
    e.assessmentMethod && t('AssessmentMethod', e.assessmentMethod.code, { purpose: e.assessmentMethod.purpose }));
}

/** The fragment as XML text. */
export function curriculumInventoryXml(ci: CiExport): string {
  const root = n('up:CurriculumInventoryFragment', {
    xmlns: CI_NS, 'xmlns:lom': LOM_NS, 'xmlns:cf': CF_NS, 'xmlns:co': CO_NS, 'xmlns:hx': HX_NS, 'xmlns:up': FRAGMENT_NS,
    module: ci.module.id, version: ci.module.version,
  },
  n('Events', undefined, ...ci.events.map(eventNode)),
  n('Expectations', undefined,
    ...ci.competencyObjects.map((co) =>
      n('CompetencyObject', undefined, lomIdentified(co.id, co.title), n('co:Category', { term: co.category }))),
    n('CompetencyFramework', undefined,
      lomIdentified(ci.framework.id, ci.framework.title),
      ...ci.framework.includes.map((uri) => cfReference('cf:Includes', uri)),
      ...ci.relations.map((r) => n('cf:Relation', undefined,
        cfReference('cf:Reference1', r.reference1), t('cf:Relationship', r.relationship), cfReference('cf:Reference2', r.reference2))))));
  const out: string[] = [];
  write(root, 0, out);
  return `${XML_DECL}${out.join('\n')}\n`;
}

export const ciTarget: Target = {
  name: 'ci',
  summary: 'MedBiquitous Curriculum Inventory (AAMC CI) fragment: events and expectations as XML, and the same as JSON',
  build(model: ModuleModel): OutputFiles {
    const ci = curriculumInventory(model);
    return new Map([
      [`${model.id}.curriculum-inventory.xml`, utf8(curriculumInventoryXml(ci))],
      [`${model.id}.curriculum-inventory.json`, utf8(`${JSON.stringify(ci, null, 2)}\n`)],
    ]);
  },
};
