import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkPackage } from '../../src/package/check/conformance.js';
import { validateXsd, type XmlKind } from '../../src/package/check/xsd.js';
import { builtModules } from './helpers.js';

/** Which XSD each XML file of a built package is validated against. */
function kindOf(pkg: string, name: string): XmlKind | undefined {
  if (name === 'imsmanifest.xml') return pkg.endsWith('.scorm12.zip') ? 'scorm12-manifest' : pkg.endsWith('.scorm2004.zip') ? 'scorm2004-manifest' : 'cc11-manifest';
  if (name === 'cmi5.xml') return 'cmi5';
  if (name.endsWith('/assessment_qti.xml') || name.endsWith('.xml.qti')) return 'cc11-qti';
  if (pkg.endsWith('.imscc') && /^TOPIC_[^/]+\.xml$/.test(name)) return 'cc11-discussion';
  if (pkg.endsWith('.imscc') && /^WEBLINK_[^/]+\.xml$/.test(name)) return 'cc11-weblink';
  return undefined;
}

describe('built packages conform', async () => {
  const modules = await builtModules();

  it('builds at least one module', () => {
    expect(modules.length).toBeGreaterThan(0);
  });

  for (const m of modules) {
    for (const [pkg, bytes] of m.files) {
      if (!/\.(zip|imscc)$/.test(pkg)) continue;
      it(`${pkg}: every manifest, QTI, discussion and cmi5 file is valid against the official XSDs`, async () => {
        const files = unzipSync(bytes);
        const checked: string[] = [];
        for (const [name, data] of Object.entries(files)) {
          const kind = kindOf(pkg, name);
          if (!kind) continue;
          const result = await validateXsd(strFromU8(data), kind, name);
          expect(result.errors, `${pkg} ${name}`).toEqual([]);
          expect(result.valid).toBe(true);
          checked.push(name);
        }
        expect(checked.length).toBeGreaterThan(0);
        if (pkg.endsWith('.imscc')) {
          expect(checked.some((n) => n.endsWith('assessment_qti.xml'))).toBe(true);
          expect(checked.some((n) => n.startsWith('TOPIC_'))).toBe(true);
        }
      });

      it(`${pkg}: passes the checks the XSDs miss, and stays small`, async () => {
        const files = new Map(Object.entries(unzipSync(bytes)));
        const { problems, structure } = await checkPackage(files);
        expect(problems).toEqual([]);
        expect(structure.format).toBe(pkg.endsWith('.scorm12.zip') ? 'scorm12' : pkg.endsWith('.scorm2004.zip') ? 'scorm2004' : pkg.endsWith('.imscc') ? 'cc11' : 'cmi5');
        if (structure.format !== 'cc11') expect(structure.launchables.length).toBe(m.model!.sessions.length);
        const assets = m.model!.assets.reduce((s, a) => s + a.bytes.length, 0);
        expect(bytes.length).toBeLessThanOrEqual(300 * 1024 + assets);
        for (const name of files.keys()) expect(name).toMatch(/^[A-Za-z0-9._/-]+$/);
      });
    }

    it(`${m.id}: manifests keep what Moodle and Canvas read literally`, () => {
      const text = (pkg: string, name: string) => strFromU8(unzipSync(m.files.get(`${m.id}.${pkg}`)!)[name]!);
      const s12 = text('scorm12.zip', 'imsmanifest.xml');
      expect(s12).toContain('<schemaversion>1.2</schemaversion>');
      expect(s12).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
      expect(s12).toContain('adlcp:scormtype="sco"');
      const s04 = text('scorm2004.zip', 'imsmanifest.xml');
      expect(s04).toContain('<schemaversion>2004 4th Edition</schemaversion>');
      expect(s04).toContain('adlcp:scormType="sco"');
      for (const p of ['adlcp', 'adlseq', 'adlnav', 'imsss']) expect(s04).toContain(`xmlns:${p}=`);
      const cc = text('imscc', 'imsmanifest.xml');
      expect(cc.slice(0, 500)).toContain('xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"');
      expect(cc).toContain('<schemaversion>1.1.0</schemaversion>');
      expect(cc).toContain('structure="rooted-hierarchy"');
      expect(cc).toContain('<lomimscc:lom>');
      const files = unzipSync(m.files.get(`${m.id}.imscc`)!);
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['course_settings/canvas_export.txt', 'course_settings/module_meta.xml', 'course_settings/rubrics.xml']));
      const rubrics = strFromU8(files['course_settings/rubrics.xml']!);
      for (const [name, data] of Object.entries(files)) {
        if (name.endsWith('assignment_settings.xml')) {
          const ref = /<rubric_identifierref>([^<]+)</.exec(strFromU8(data))?.[1];
          if (ref) expect(rubrics).toContain(`<rubric identifier="${ref}">`);
        }
        if (name.endsWith('assessment_qti.xml')) {
          // True/false response idents are literally true and false (Moodle aborts otherwise).
          for (const item of strFromU8(data).split('<item ').slice(1)) {
            if (item.includes('cc.true_false.v0p1')) expect([...item.matchAll(/response_label ident="([^"]+)"/g)].map((x) => x[1])).toEqual(['true', 'false']);
          }
        }
      }
      const cmi5 = text('cmi5.zip', 'cmi5.xml');
      expect(cmi5).toContain(`masteryScore="${m.model!.masteryScore}"`);
      expect(cmi5).toContain('moveOn="CompletedAndPassed"');
    });

    it(`${m.id}: reflections with report: false never reach the LMS`, () => {
      const files = unzipSync(m.files.get(`${m.id}.scorm2004.zip`)!);
      for (const [name, data] of Object.entries(files)) {
        if (!name.startsWith('sessions/') || name.endsWith('references.html')) continue;
        const html = strFromU8(data);
        for (const t of html.matchAll(/<textarea id="r-[^"]*"[^>]*data-report="([^"]+)"/g)) {
          const reflection = m.model!.assessments.find((a) => a.kind === 'reflection' && html.includes(`data-reflection="${a.id}"`));
          if (reflection?.report === false) expect(t[1]).toBe('false');
        }
      }
      // The runtime never reads a textarea outside a quiz.
      expect(strFromU8(files['runtime/upstream.js']!)).not.toMatch(/upstream-reflection|textarea/);
    });

    it(`${m.id}: the json target drops Markdown trees and asset bytes, with sorted keys`, () => {
      const json = JSON.parse(strFromU8(m.files.get(`${m.id}.json`)!));
      expect(json.id).toBe(m.id);
      expect(JSON.stringify(json)).not.toContain('"tree"');
      expect(Object.keys(json)).toEqual([...Object.keys(json)].sort());
      for (const a of json.assets) expect(Object.keys(a)).toEqual(['path', 'sha256', 'size']);
    });
  }

  it('the XSD check is not vacuous: broken documents fail', async () => {
    const m = modules[0]!;
    const manifest = strFromU8(unzipSync(m.files.get(`${m.id}.scorm2004.zip`)!)['imsmanifest.xml']!);
    const broken = manifest.replace('<organizations', '<bogus/><organizations');
    expect((await validateXsd(broken, 'scorm2004-manifest')).valid).toBe(false);
    const cc = strFromU8(unzipSync(m.files.get(`${m.id}.imscc`)!)['imsmanifest.xml']!);
    expect((await validateXsd(cc.replace('type="webcontent"', 'type="webpage"'), 'cc11-manifest')).valid).toBe(false);
    expect((await validateXsd('<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"/>', 'cmi5')).valid).toBe(false);
  });
});
