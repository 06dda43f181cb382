import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspect } from '../../src/index.js';
import { builtModules, cliPath, runCli } from './helpers.js';

let dir = '';
beforeAll(async () => {
  cliPath();
  dir = await mkdtemp(path.join(os.tmpdir(), 'upstream-inspect-'));
}, 60_000);

/** A SCORM 2004 package as careless tools make them. */
const BROKEN_MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m1" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
<metadata><schema>ADL SCORM</schema><schemaversion>2004</schemaversion></metadata>
<organizations default="org1">
<organization identifier="org1"><title>Third-party course</title>
<item identifier="i1" identifierref="r1"><title>Lesson 1</title></item>
<item identifier="i2" identifierref="r-missing"><title>Lesson 2</title></item>
</organization>
</organizations>
<resources>
<resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="lesson1/index.html"><file href="lesson1/index.html"/><file href="lesson1/video.mp4"/></resource>
</resources>
</manifest>
`;

async function save(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

describe('upstream inspect', () => {
  it('says our own packages import as they are (exit 0)', async () => {
    const m = (await builtModules())[0]!;
    for (const [name, bytes] of m.files) {
      if (!/\.(zip|imscc)$/.test(name)) continue;
      const file = await save(name, bytes);
      const run = await runCli(['inspect', file]);
      expect(run.code, `${name}\n${run.stdout}`).toBe(0);
      expect(run.stdout).toMatch(/No problems found/);
    }
  }, 120_000);

  it('names every problem of a broken third-party package and exits 1', async () => {
    const zip: Zippable = {
      'imsmanifest.xml': strToU8(BROKEN_MANIFEST),
      'lesson1/index.html': strToU8('<html><body>Lesson</body></html>'),
      '../../evil.sh': strToU8('rm -rf ~'),
    };
    const file = await save('broken.zip', zipSync(zip));
    const run = await runCli(['inspect', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/zip-slip/);
    expect(run.stdout).toMatch(/Refused/);

    // Without the zip-slip entry, inspect gets to the manifest and names each problem.
    delete zip['../../evil.sh'];
    const file2 = await save('broken2.zip', zipSync(zip));
    const json = await runCli(['inspect', file2, '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.format).toBe('scorm2004');
    const codes = report.problems.map((p: { code: string }) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['dangling-identifierref', 'missing-file', 'schemaversion']));
    expect(report.problems.find((p: { code: string }) => p.code === 'missing-file').message).toContain('lesson1/video.mp4');
    expect(report.problems.find((p: { code: string }) => p.code === 'dangling-identifierref').message).toContain('r-missing');
    expect(report.problems.find((p: { code: string }) => p.code === 'schemaversion').lms).toBe('Moodle');
    expect(report.launchables).toEqual([{ identifier: 'i1', title: 'Lesson 1', launch: 'lesson1/index.html' }]);
    const pretty = await runCli(['inspect', file2]);
    expect(pretty.stdout).toMatch(/Lesson 1 {2}→ lesson1\/index\.html/);
    expect(pretty.stdout).toMatch(/breaks in: Moodle/);
  }, 60_000);

  it('catches a lowercase scormtype in 2004, wrong prefixes and a default organization that names nothing', async () => {
    const manifest = BROKEN_MANIFEST
      .replace('<schemaversion>2004</schemaversion>', '<schemaversion>2004 4th Edition</schemaversion>')
      .replace('adlcp:scormType', 'adlcp:scormtype')
      .replace('default="org1"', 'default="nope"')
      .replace(/xmlns:adlcp=/, 'xmlns:adl=').replace(/adlcp:/g, 'adl:');
    const report = await inspect(zipSync({ 'imsmanifest.xml': strToU8(manifest), 'lesson1/index.html': strToU8('x'), 'lesson1/video.mp4': strToU8('x') }));
    const codes = report.problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['scormtype-case', 'namespace-prefix', 'dangling-default-organization']));
    expect(report.importable).toBe(false);
  });

  it('refuses symlinks, absolute paths and zip bombs before inflating anything', async () => {
    const link = zipSync({ 'imsmanifest.xml': strToU8(BROKEN_MANIFEST), 'lesson1/index.html': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] });
    const r1 = await inspect(link);
    expect(r1.refused?.code).toBe('symlink');

    const abs = zipSync({ '/etc/cron.d/x': strToU8('x') });
    expect((await inspect(abs)).refused?.code).toBe('zip-slip');

    // 64 MiB of zeros deflate to about 64 KiB: a ratio no course needs.
    const bomb = zipSync({ 'imsmanifest.xml': strToU8(BROKEN_MANIFEST), 'big.bin': new Uint8Array(64 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r2 = await inspect(bomb);
    expect(r2.refused?.code).toBe('bomb');
    const bombFile = await save('bomb.zip', bomb);
    const run = await runCli(['inspect', bombFile]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/zip bomb/);

    const many: Zippable = {};
    for (let i = 0; i < 60; i++) many[`f${i}.txt`] = strToU8('x');
    expect((await inspect(zipSync(many), { limits: { maxEntries: 50, maxTotalBytes: 1e9, maxRatio: 200 } })).refused?.code).toBe('bomb');
    expect((await inspect(zipSync(many), { limits: { maxEntries: 100, maxTotalBytes: 10, maxRatio: 200 } })).refused?.code).toBe('bomb');
  }, 60_000);

  it('says what a non-package is, and usage errors exit 2', async () => {
    const notZip = await save('notes.txt', strToU8('hello'));
    const r = await runCli(['inspect', notZip]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/not a zip/);
    const noManifest = await inspect(zipSync({ 'course/imsmanifest.xml': strToU8(BROKEN_MANIFEST) }));
    expect(noManifest.problems[0]!.message).toMatch(/root of the package/);
    expect((await runCli(['inspect'])).code).toBe(2);
    expect((await runCli(['inspect', path.join(dir, 'missing.zip')])).code).toBe(2);
    expect((await runCli(['inspect', notZip, '--format', 'xml'])).code).toBe(2);
  }, 60_000);
});
