import { validateXsd, type XmlKind } from './xsd.js';
import { all, attrLocal, kids, local, parseXml, textOf, type XmlElement } from './xml-tree.js';

/**
 * What the XSDs check, and what they miss: every check an LMS administrator needs before import,
 * on the unpacked files of a package (ours or anyone's).
 */

export type PackageFormat = 'scorm12' | 'scorm2004' | 'cc11' | 'cc-other' | 'cmi5' | 'unknown';

export const FORMAT_NAMES: Record<PackageFormat, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004',
  cc11: 'IMS Common Cartridge 1.1',
  'cc-other': 'IMS Common Cartridge (not 1.1)',
  cmi5: 'cmi5',
  unknown: 'unknown',
};

export interface Problem {
  severity: 'error' | 'warning';
  /** A stable code, e.g. `dangling-identifierref`. */
  code: string;
  message: string;
  file?: string;
  line?: number;
  /** Which LMSs it breaks in, in plain words ("all", "Moodle", "Canvas"). */
  lms?: string;
}

export interface LaunchItem {
  identifier: string;
  title: string;
  depth: number;
  identifierref?: string;
  /** The file the item launches (resource href + parameters), when it launches one. */
  launch?: string;
  /** `sco`, `asset`, or the CC resource type. */
  kind?: string;
}

export interface Organization {
  identifier: string;
  title: string;
  items: LaunchItem[];
}

export interface PackageStructure {
  format: PackageFormat;
  title?: string;
  schemaversion?: string;
  organizations: Organization[];
  /** SCOs (SCORM) or AUs (cmi5) with their launch files. */
  launchables: Array<{ identifier: string; title: string; launch: string }>;
  resourceCount: number;
}

const NS = {
  cp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  cp2004: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  adlcp13: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  cc11: 'http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1',
  cmi5: 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd',
};
/** Prefixes Moodle's SCORM parser reads literally. */
const LITERAL_PREFIXES: Record<string, string> = { [NS.adlcp12]: 'adlcp', [NS.adlcp13]: 'adlcp', [NS.adlseq]: 'adlseq', [NS.adlnav]: 'adlnav', [NS.imsss]: 'imsss' };

const decoder = new TextDecoder('utf-8', { fatal: false });
const str = (b: Uint8Array | undefined) => (b ? decoder.decode(b).replace(/^\uFEFF/, '') : '');

/** Guesses the format from the files at the package root. */
export function detectFormat(files: ReadonlyMap<string, Uint8Array>): PackageFormat {
  if (files.has('cmi5.xml') && !files.has('imsmanifest.xml')) return 'cmi5';
  const manifest = files.get('imsmanifest.xml');
  if (!manifest) return files.has('cmi5.xml') ? 'cmi5' : 'unknown';
  const head = str(manifest.subarray(0, 4096));
  if (/imsccv1p1\/imscp_v1p1/.test(head)) return 'cc11';
  if (/imsccv1p[023]|imscc_v1p[0-3]|imsglobal\.org\/xsd\/imscc\//.test(head)) return 'cc-other';
  const text = str(manifest);
  if (/<(?:\w+:)?schema>\s*IMS Common Cartridge/.test(text)) return 'cc-other';
  if (/adlcp_v1p3|<(?:\w+:)?schemaversion>\s*(?:2004|CAM 1\.3)/.test(text)) return 'scorm2004';
  if (/imscp_rootv1p1p2|adlcp_rootv1p2|<(?:\w+:)?schemaversion>\s*1\.2/.test(text)) return 'scorm12';
  if (/imscp_v1p1/.test(text)) return 'scorm2004';
  return 'unknown';
}

/** Namespace declarations in scope anywhere in the document (prefix → URI), and URI → prefixes. */
function namespaces(root: XmlElement): { byPrefix: Map<string, string>; prefixesOf: Map<string, Set<string>> } {
  const byPrefix = new Map<string, string>();
  const prefixesOf = new Map<string, Set<string>>();
  const walk = (e: XmlElement) => {
    for (const [k, v] of Object.entries(e.attrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        const p = k === 'xmlns' ? '' : k.slice(6);
        byPrefix.set(p, v);
        if (!prefixesOf.has(v)) prefixesOf.set(v, new Set());
        prefixesOf.get(v)!.add(p);
      }
    }
    e.children.forEach(walk);
  };
  walk(root);
  return { byPrefix, prefixesOf };
}

/** Strips a query or fragment and decodes %xx, as an LMS does before looking a file up. */
function hrefToPath(href: string, base = ''): string {
  const bare = href.split(/[?#]/)[0] ?? '';
  let decoded = bare;
  try { decoded = decodeURIComponent(bare); } catch { /* keep as written */ }
  const joined = (base + decoded).replace(/\\/g, '/');
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

const isExternal = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href);

export interface CheckResult {
  structure: PackageStructure;
  problems: Problem[];
}

/** Validates a package's XML against the official XSDs and runs the checks the XSDs miss. */
export async function checkPackage(files: ReadonlyMap<string, Uint8Array>): Promise<CheckResult> {
  const format = detectFormat(files);
  const problems: Problem[] = [];
  const structure: PackageStructure = { format, organizations: [], launchables: [], resourceCount: 0 };
  for (const name of files.keys()) {
    if (name.startsWith('/') || name.split('/').includes('..')) {
      problems.push({ severity: 'error', code: 'zip-slip', message: `Entry "${name}" escapes the package folder.`, file: name, lms: 'all' });
    }
  }
  if (format === 'unknown') {
    problems.push({ severity: 'error', code: 'unknown-format', message: files.has('imsmanifest.xml')
      ? 'imsmanifest.xml is neither a SCORM 1.2, SCORM 2004 nor a Common Cartridge manifest.'
      : 'No imsmanifest.xml or cmi5.xml at the root of the package. If the zip has a single folder inside, zip the contents of that folder instead: LMSs look for the manifest at the root.', lms: 'all' });
    return { structure, problems };
  }
  if (format === 'cmi5') {
    await checkCmi5(files, structure, problems);
    return { structure, problems };
  }
  const manifestText = str(files.get('imsmanifest.xml'));
  let root: XmlElement;
  try {
    root = parseXml(manifestText);
  } catch (error) {
    problems.push({ severity: 'error', code: 'xml-syntax', message: `imsmanifest.xml is not well-formed XML: ${(error as Error).message}`, file: 'imsmanifest.xml', lms: 'all' });
    return { structure, problems };
  }
  const manifest = root.children.find((c) => local(c.name) === 'manifest');
  if (!manifest) {
    problems.push({ severity: 'error', code: 'no-manifest', message: 'imsmanifest.xml has no <manifest> root element.', file: 'imsmanifest.xml', lms: 'all' });
    return { structure, problems };
  }
  const kind: XmlKind | undefined = format === 'scorm12' ? 'scorm12-manifest' : format === 'scorm2004' ? 'scorm2004-manifest' : format === 'cc11' ? 'cc11-manifest' : undefined;
  if (kind) await xsd(manifestText, kind, 'imsmanifest.xml', problems, format === 'cc11' ? 'Moodle (it aborts the import); Canvas may import it partly' : 'strict SCORM players; Moodle imports it but may misread it');
  else problems.push({ severity: 'error', code: 'cc-version', message: 'This Common Cartridge is not version 1.1. Moodle imports only Common Cartridge 1.0 and 1.1; Canvas reads other versions.', file: 'imsmanifest.xml', lms: 'Moodle' });

  const metadata = kids(manifest, 'metadata')[0];
  structure.schemaversion = textOf(metadata ? kids(metadata, 'schemaversion')[0] : undefined);
  const ns = namespaces(root);

  checkManifestCommon(manifest, files, structure, problems);
  if (format === 'scorm12' || format === 'scorm2004') checkScorm(format, manifest, manifestText, ns, structure, problems);
  if (format === 'cc11' || format === 'cc-other') await checkCc(manifest, manifestText, files, structure, problems);
  return { structure, problems };
}

async function xsd(xml: string, kind: XmlKind, file: string, problems: Problem[], lms: string): Promise<void> {
  const result = await validateXsd(xml, kind, file);
  if (result.valid) return;
  const shown = result.errors.slice(0, 8);
  for (const e of shown) {
    const m = /^line (\d+): (?:Schemas validity error : )?(.*)$/s.exec(e);
    problems.push({ severity: 'error', code: 'xsd', message: `Not valid against the official schema: ${(m?.[2] ?? e).replace(/\{[^}]*\}/g, '').trim()}`, file, ...(m ? { line: Number(m[1]) } : {}), lms });
  }
  if (result.errors.length > shown.length) problems.push({ severity: 'error', code: 'xsd', message: `…and ${result.errors.length - shown.length} more schema errors.`, file, lms });
}

function checkManifestCommon(manifest: XmlElement, files: ReadonlyMap<string, Uint8Array>, structure: PackageStructure, problems: Problem[]): void {
  const resourcesEl = kids(manifest, 'resources')[0];
  const resources = resourcesEl ? kids(resourcesEl, 'resource') : [];
  structure.resourceCount = resources.length;
  const resById = new Map<string, XmlElement>();
  for (const r of resources) if (r.attrs.identifier) resById.set(r.attrs.identifier, r);
  const manifestBase = manifest.attrs['xml:base'] ?? '';
  const resourcesBase = resourcesEl?.attrs['xml:base'] ?? '';

  // Files listed and hrefs.
  const reportedMissing = new Set<string>();
  for (const r of resources) {
    const base = manifestBase + resourcesBase + (r.attrs['xml:base'] ?? '');
    const hrefs: Array<{ href: string; line: number; what: string }> = [];
    if (r.attrs.href !== undefined) hrefs.push({ href: r.attrs.href, line: r.line, what: `resource ${r.attrs.identifier ?? '?'} href` });
    for (const f of kids(r, 'file')) if (f.attrs.href !== undefined) hrefs.push({ href: f.attrs.href, line: f.line, what: 'file' });
    for (const h of hrefs) {
      if (h.href.startsWith('/')) {
        problems.push({ severity: 'error', code: 'absolute-href', message: `${h.what} "${h.href}" starts with "/": LMSs resolve it against their own server root, not the package.`, file: 'imsmanifest.xml', line: h.line, lms: 'all' });
        continue;
      }
      if (isExternal(h.href)) continue;
      const path = hrefToPath(h.href, base);
      if (!files.has(path) && !reportedMissing.has(path)) {
        reportedMissing.add(path);
        problems.push({ severity: 'error', code: 'missing-file', message: `The manifest lists "${path}" but the package has no such file (names are case-sensitive).`, file: 'imsmanifest.xml', line: h.line, lms: 'all' });
      }
    }
    for (const d of kids(r, 'dependency')) {
      const ref = d.attrs.identifierref;
      if (!ref || !resById.has(ref)) problems.push({ severity: 'error', code: 'dangling-identifierref', message: `Resource ${r.attrs.identifier ?? '?'} depends on "${ref ?? ''}", which no resource has as its identifier.`, file: 'imsmanifest.xml', line: d.line, lms: 'all' });
    }
  }

  // Organizations and items.
  const orgsEl = kids(manifest, 'organizations')[0];
  const orgs = orgsEl ? kids(orgsEl, 'organization') : [];
  const def = orgsEl?.attrs.default;
  if (def !== undefined && !orgs.some((o) => o.attrs.identifier === def)) {
    problems.push({ severity: 'error', code: 'dangling-default-organization', message: `organizations@default names "${def}", but no organization has that identifier: the LMS finds no course structure to launch.`, file: 'imsmanifest.xml', line: orgsEl!.line, lms: 'all' });
  }
  for (const org of orgs) {
    const o: Organization = { identifier: org.attrs.identifier ?? '', title: textOf(kids(org, 'title')[0]), items: [] };
    const walk = (parent: XmlElement, depth: number) => {
      for (const it of kids(parent, 'item')) {
        const ref = it.attrs.identifierref;
        const item: LaunchItem = { identifier: it.attrs.identifier ?? '', title: textOf(kids(it, 'title')[0]), depth };
        if (ref !== undefined) {
          item.identifierref = ref;
          const res = resById.get(ref);
          if (!res) {
            problems.push({ severity: 'error', code: 'dangling-identifierref', message: `Item "${item.title || item.identifier}" points at resource "${ref}", which does not exist. Moodle turns it into an empty label (or "no launchable SCO"); other LMSs refuse the package.`, file: 'imsmanifest.xml', line: it.line, lms: 'all' });
          } else {
            const href = res.attrs.href;
            const type = attrLocal(res, 'scormType')?.value ?? attrLocal(res, 'scormtype')?.value ?? res.attrs.type;
            if (type) item.kind = type;
            if (href) item.launch = href + (it.attrs.parameters ?? '');
          }
        }
        o.items.push(item);
        walk(it, depth + 1);
      }
    };
    walk(org, 0);
    structure.organizations.push(o);
  }
  structure.title = structure.organizations[0]?.title || undefined;
}

function checkScorm(format: 'scorm12' | 'scorm2004', manifest: XmlElement, text: string, ns: ReturnType<typeof namespaces>, structure: PackageStructure, problems: Problem[]): void {
  const cp = format === 'scorm12' ? NS.cp12 : NS.cp2004;
  const want = format === 'scorm12' ? '1.2' : '2004 4th Edition';
  const sv = structure.schemaversion ?? '';
  if (sv !== want) {
    const other = format === 'scorm2004' && /^(2004 3rd Edition|2004 2nd Edition|CAM 1\.3)$/.test(sv);
    problems.push({
      severity: other ? 'warning' : 'error',
      code: 'schemaversion',
      message: sv === ''
        ? `The manifest has no <schemaversion>; for ${FORMAT_NAMES[format]} it must say exactly "${want}". Moodle then treats the package as SCORM 1.2.`
        : `<schemaversion> is "${sv}"; ${other ? 'this is an older SCORM 2004 edition, which Moodle runs with the 2004 API but without 4th Edition sequencing' : `it must be exactly "${want}", or Moodle treats the package as SCORM 1.2 and the SCOs cannot find their API`}.`,
      file: 'imsmanifest.xml',
      lms: 'Moodle',
    });
  }
  // IMS CP in the default namespace, ADL prefixes literal.
  if (manifest.name !== 'manifest' || manifest.attrs.xmlns !== cp) {
    problems.push({ severity: 'error', code: 'cp-default-namespace', message: `The IMS Content Packaging elements must be in the default namespace (xmlns="${cp}") without a prefix: Moodle reads element names literally.`, file: 'imsmanifest.xml', line: manifest.line, lms: 'Moodle' });
  }
  for (const [uri, prefix] of Object.entries(LITERAL_PREFIXES)) {
    const used = ns.prefixesOf.get(uri);
    if (!used) continue;
    for (const p of used) {
      if (p !== prefix) problems.push({ severity: 'error', code: 'namespace-prefix', message: `Namespace ${uri} is bound to the prefix "${p || '(default)'}"; Moodle only understands the literal prefix "${prefix}".`, file: 'imsmanifest.xml', lms: 'Moodle' });
    }
  }
  const resourcesEl = kids(manifest, 'resources')[0];
  const resources = resourcesEl ? kids(resourcesEl, 'resource') : [];
  const byId = new Map(resources.map((r) => [r.attrs.identifier ?? '', r]));
  for (const r of resources) {
    const exact = format === 'scorm12' ? 'scormtype' : 'scormType';
    const found = attrLocal(r, 'scormType') ?? attrLocal(r, 'scormtype') ?? Object.entries(r.attrs).map(([k, v]) => ({ key: k, value: v })).find((a) => local(a.key).toLowerCase() === 'scormtype');
    if (!found) {
      problems.push({ severity: 'error', code: 'scormtype-missing', message: `Resource ${r.attrs.identifier ?? '?'} has no adlcp:${exact} attribute ("sco" or "asset").`, file: 'imsmanifest.xml', line: r.line, lms: 'all' });
      continue;
    }
    if (local(found.key) !== exact) {
      problems.push({ severity: 'error', code: 'scormtype-case', message: `Resource ${r.attrs.identifier ?? '?'} says "${found.key}"; ${FORMAT_NAMES[format]} spells it adlcp:${exact}. The LMS will not see the SCO.`, file: 'imsmanifest.xml', line: r.line, lms: 'all' });
    }
    if (found.value === 'sco' && !r.attrs.href) {
      problems.push({ severity: 'error', code: 'sco-without-href', message: `SCO resource ${r.attrs.identifier ?? '?'} has no href: there is nothing to launch.`, file: 'imsmanifest.xml', line: r.line, lms: 'all' });
    }
  }
  for (const org of structure.organizations) {
    for (const item of org.items) {
      if (!item.identifierref) continue;
      const res = byId.get(item.identifierref);
      if (!res) continue;
      const type = attrLocal(res, 'scormType')?.value ?? attrLocal(res, 'scormtype')?.value;
      if (type === 'sco' && item.launch) structure.launchables.push({ identifier: item.identifier, title: item.title, launch: item.launch });
    }
  }
  if (structure.launchables.length === 0) {
    problems.push({ severity: 'error', code: 'no-sco', message: 'No organization item launches a SCO: learners would see "no launchable SCO" and nothing reaches the gradebook.', file: 'imsmanifest.xml', lms: 'all' });
  }
  if (!/<\?xml/.test(text.slice(0, 100))) {
    problems.push({ severity: 'warning', code: 'xml-declaration', message: 'imsmanifest.xml has no XML declaration; some LMSs assume a non-UTF-8 encoding without one.', file: 'imsmanifest.xml', lms: 'some' });
  }
}

async function checkCc(manifest: XmlElement, text: string, files: ReadonlyMap<string, Uint8Array>, structure: PackageStructure, problems: Problem[]): Promise<void> {
  const head = text.slice(0, 500);
  if (!head.replace(/\s+/g, ' ').replace(/['"]/g, '').includes(`xmlns=${NS.cc11}`)) {
    problems.push({ severity: 'error', code: 'cc-namespace-late', message: `The default namespace xmlns="${NS.cc11}" is not within the first 500 bytes of imsmanifest.xml: Moodle will not recognise the cartridge as Common Cartridge 1.1.`, file: 'imsmanifest.xml', lms: 'Moodle' });
  }
  const metadata = kids(manifest, 'metadata')[0];
  const schema = textOf(metadata ? kids(metadata, 'schema')[0] : undefined);
  if (schema !== 'IMS Common Cartridge') problems.push({ severity: 'error', code: 'cc-schema', message: `<schema> is "${schema}"; Canvas recognises a cartridge only by "IMS Common Cartridge".`, file: 'imsmanifest.xml', lms: 'Canvas' });
  if (structure.format === 'cc11' && structure.schemaversion !== '1.1.0') problems.push({ severity: 'error', code: 'schemaversion', message: `<schemaversion> is "${structure.schemaversion ?? ''}"; a Common Cartridge 1.1 must say exactly "1.1.0".`, file: 'imsmanifest.xml', lms: 'Canvas and Moodle' });
  if (!metadata || all(metadata, 'lom').length === 0) problems.push({ severity: 'error', code: 'cc-lom', message: 'The manifest metadata has no <lomimscc:lom>; Common Cartridge 1.1 requires it.', file: 'imsmanifest.xml', lms: 'Moodle' });

  const orgsEl = kids(manifest, 'organizations')[0];
  const orgs = orgsEl ? kids(orgsEl, 'organization') : [];
  if (orgs.length > 1) problems.push({ severity: 'error', code: 'cc-organizations', message: `The manifest has ${orgs.length} organizations; Common Cartridge allows one.`, file: 'imsmanifest.xml', lms: 'Moodle' });
  const org = orgs[0];
  if (org) {
    if (org.attrs.structure !== 'rooted-hierarchy') problems.push({ severity: 'error', code: 'cc-structure', message: 'The organization must have structure="rooted-hierarchy".', file: 'imsmanifest.xml', line: org.line, lms: 'Moodle' });
    const roots = kids(org, 'item');
    if (roots.length !== 1) problems.push({ severity: 'error', code: 'cc-root-item', message: `The organization must hold exactly one root item; it holds ${roots.length}.`, file: 'imsmanifest.xml', line: org.line, lms: 'Moodle' });
    else {
      if (kids(roots[0]!, 'title').length > 0) problems.push({ severity: 'warning', code: 'cc-root-title', message: 'The root item has a title; Common Cartridge expects it untitled.', file: 'imsmanifest.xml', line: roots[0]!.line, lms: 'Moodle' });
      if (kids(roots[0]!, 'item').length === 0) problems.push({ severity: 'error', code: 'cc-empty', message: 'The organization has no items under its root: Moodle stops with "The course is empty".', file: 'imsmanifest.xml', lms: 'Moodle' });
      for (const it of all(roots[0]!, 'item')) {
        if (!textOf(kids(it, 'title')[0])) problems.push({ severity: 'error', code: 'cc-untitled-item', message: `Item ${it.attrs.identifier ?? '?'} has no title.`, file: 'imsmanifest.xml', line: it.line, lms: 'Moodle' });
      }
    }
  } else problems.push({ severity: 'error', code: 'cc-empty', message: 'The manifest has no organization: Moodle stops with "The course is empty".', file: 'imsmanifest.xml', lms: 'Moodle' });
  // Shift the CC root item out of the listing depth.
  for (const o of structure.organizations) {
    o.items = o.items.filter((i) => i.depth > 0 || i.title !== '').map((i) => ({ ...i, depth: Math.max(0, i.depth - 1) }));
  }

  const resourcesEl = kids(manifest, 'resources')[0];
  const resources = resourcesEl ? kids(resourcesEl, 'resource') : [];
  const fileKinds: Array<{ path: string; kind: XmlKind }> = [];
  for (const r of resources) {
    const type = r.attrs.type ?? '';
    const one = type === 'imswl_xmlv1p1' || type === 'imsdt_xmlv1p1' || type.startsWith('imsqti_xmlv1p2/');
    if (!one) continue;
    const filesOf = kids(r, 'file');
    if (filesOf.length !== 1 || r.attrs.href !== undefined) {
      problems.push({ severity: 'error', code: 'cc-resource-shape', message: `Resource ${r.attrs.identifier ?? '?'} (${type}) must list exactly one <file> and no href; it lists ${filesOf.length}${r.attrs.href !== undefined ? ' and an href' : ''}.`, file: 'imsmanifest.xml', line: r.line, lms: 'Moodle' });
    }
    const path = filesOf[0]?.attrs.href;
    if (path && files.has(hrefToPath(path))) fileKinds.push({ path: hrefToPath(path), kind: type === 'imswl_xmlv1p1' ? 'cc11-weblink' : type === 'imsdt_xmlv1p1' ? 'cc11-discussion' : 'cc11-qti' });
  }
  // Canvas's QTI files ride along in learning-application resources.
  for (const name of files.keys()) if (name.startsWith('non_cc_assessments/') && name.endsWith('.qti')) fileKinds.push({ path: name, kind: 'cc11-qti' });
  for (const { path, kind } of fileKinds) {
    const xml = str(files.get(path));
    await xsd(xml, kind, path, problems, kind === 'cc11-qti' ? (path.startsWith('non_cc_') ? 'Canvas (the quiz is skipped)' : 'Moodle (the quiz is skipped or the import stops)') : 'Moodle and Canvas (the item is skipped)');
    if (kind === 'cc11-qti' && !path.startsWith('non_cc_')) checkTrueFalse(xml, path, problems);
  }
  // Canvas flavour.
  if (files.has('course_settings/canvas_export.txt')) {
    const rubricIds = new Set<string>();
    const rubricsXml = files.get('course_settings/rubrics.xml');
    if (rubricsXml) {
      try { for (const r of all(parseXml(str(rubricsXml)), 'rubric')) if (r.attrs.identifier) rubricIds.add(r.attrs.identifier); } catch (error) {
        problems.push({ severity: 'error', code: 'xml-syntax', message: `course_settings/rubrics.xml is not well-formed: ${(error as Error).message}`, file: 'course_settings/rubrics.xml', lms: 'Canvas' });
      }
    }
    for (const [name, bytes] of files) {
      if (name.endsWith('/assignment_settings.xml')) {
        try {
          const ref = textOf(all(parseXml(str(bytes)), 'rubric_identifierref')[0]);
          if (ref && !rubricIds.has(ref)) problems.push({ severity: 'error', code: 'canvas-rubric-missing', message: `${name} attaches rubric "${ref}", which course_settings/rubrics.xml does not define: Canvas imports the assignment without its rubric.`, file: name, lms: 'Canvas' });
        } catch (error) {
          problems.push({ severity: 'error', code: 'xml-syntax', message: `${name} is not well-formed: ${(error as Error).message}`, file: name, lms: 'Canvas' });
        }
      }
      if (name.startsWith('wiki_content/') && name.endsWith('.html') && !/<meta\s+name="identifier"/.test(str(bytes))) {
        problems.push({ severity: 'warning', code: 'canvas-page-identifier', message: `${name} has no <meta name="identifier">: Canvas drops the page silently.`, file: name, lms: 'Canvas' });
      }
    }
  }
}

function checkTrueFalse(xml: string, path: string, problems: Problem[]): void {
  let root: XmlElement;
  try { root = parseXml(xml); } catch { return; }
  for (const item of all(root, 'item')) {
    const fields = all(item, 'qtimetadatafield');
    const profile = fields.find((f) => textOf(kids(f, 'fieldlabel')[0]) === 'cc_profile');
    if (textOf(kids(profile ?? { name: '', attrs: {}, children: [], text: '', line: 0 }, 'fieldentry')[0]) !== 'cc.true_false.v0p1') continue;
    const idents = all(item, 'response_label').map((l) => l.attrs.ident ?? '');
    if (idents.length !== 2 || !idents.includes('true') || !idents.includes('false')) {
      problems.push({ severity: 'error', code: 'qti-true-false-idents', message: `True/false item ${item.attrs.ident ?? '?'} has response idents ${idents.map((i) => `"${i}"`).join(', ')}; Moodle requires exactly "true" and "false" and aborts the whole import otherwise.`, file: path, line: item.line, lms: 'Moodle' });
    }
  }
}

async function checkCmi5(files: ReadonlyMap<string, Uint8Array>, structure: PackageStructure, problems: Problem[]): Promise<void> {
  const text = str(files.get('cmi5.xml'));
  await xsd(text, 'cmi5', 'cmi5.xml', problems, 'every cmi5 LMS (the course is refused)');
  let root: XmlElement;
  try { root = parseXml(text); } catch (error) {
    problems.push({ severity: 'error', code: 'xml-syntax', message: `cmi5.xml is not well-formed: ${(error as Error).message}`, file: 'cmi5.xml', lms: 'all' });
    return;
  }
  const course = all(root, 'course')[0];
  structure.title = textOf(course ? all(kids(course, 'title')[0] ?? course, 'langstring')[0] : undefined) || undefined;
  const aus = all(root, 'au');
  const org: Organization = { identifier: course?.attrs.id ?? '', title: structure.title ?? '', items: [] };
  for (const au of aus) {
    const title = textOf(all(kids(au, 'title')[0] ?? au, 'langstring')[0]);
    const url = textOf(kids(au, 'url')[0]);
    org.items.push({ identifier: au.attrs.id ?? '', title, depth: 0, launch: url, kind: 'au' });
    structure.launchables.push({ identifier: au.attrs.id ?? '', title, launch: url });
    if (url.startsWith('/')) problems.push({ severity: 'error', code: 'absolute-href', message: `AU "${title}" has url "${url}", which starts with "/".`, file: 'cmi5.xml', line: au.line, lms: 'all' });
    else if (url && !isExternal(url) && !files.has(hrefToPath(url))) problems.push({ severity: 'error', code: 'missing-file', message: `AU "${title}" launches "${hrefToPath(url)}", which the package does not contain.`, file: 'cmi5.xml', line: au.line, lms: 'all' });
    const moveOn = au.attrs.moveOn ?? 'NotApplicable';
    if (/Passed/.test(moveOn) && au.attrs.masteryScore === undefined) problems.push({ severity: 'warning', code: 'cmi5-mastery', message: `AU "${title}" moves on when passed but has no masteryScore; the AU alone decides what passing means.`, file: 'cmi5.xml', line: au.line, lms: 'all' });
  }
  structure.organizations.push(org);
  structure.resourceCount = aus.length;
  if (aus.length === 0) problems.push({ severity: 'error', code: 'no-au', message: 'cmi5.xml has no AU to launch.', file: 'cmi5.xml', lms: 'all' });
}
