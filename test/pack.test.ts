import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';

const exec = promisify(execFile);
const repo = path.resolve('.');
let project: string;
let tarball: string;

// What a user gets from `npm install upstream-curriculum`: the packed tarball, installed into an
// empty project (dependencies from the registry, as for any user), used from TypeScript, from
// JavaScript and through its binary.
beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'upstream-pack-'));
  const { stdout } = await exec('npm', ['pack', '--silent', '--pack-destination', project], { cwd: repo });
  tarball = path.join(project, stdout.trim().split('\n').pop()!);
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=optional', tarball], { cwd: project, timeout: 240_000 });
}, 300_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

const upstream = (args: string[]) => exec(path.join(project, 'node_modules/.bin/upstream'), args, { cwd: project });

test('the tarball holds the compiled library, schemas and docs, and no sources or tests', async () => {
  const { stdout } = await exec('tar', ['-tzf', tarball]);
  const files = stdout.split('\n').filter(Boolean);
  expect(files).toContain('package/dist/lib/index.js');
  expect(files).toContain('package/dist/lib/index.d.ts');
  expect(files).toContain('package/schemas/module.schema.json');
  expect(files).toContain('package/schemas/xsd/scorm12/imscp_rootv1p1p2.xsd');
  expect(files).toContain('package/docs/format.md');
  expect(files.filter((f) => /^package\/(src|test|modules)\//.test(f))).toEqual([]);
});

test('the binary scaffolds, validates, builds and inspects', async () => {
  await upstream(['new', 'demo']);
  const schemaLine = (await readFile(path.join(project, 'modules/demo/module.yaml'), 'utf8')).split('\n')[0];
  expect(schemaLine).toBe('# yaml-language-server: $schema=../../node_modules/upstream-curriculum/schemas/module.schema.json');
  expect((await upstream(['validate', 'modules/demo'])).stdout).toContain('No problems found.');
  const built = await upstream(['build', 'modules', '--target', 'scorm12,cc,html', '--quiet']);
  expect(built.stderr).toBe('');
  const inspected = await upstream(['inspect', 'dist/packages/demo/demo.scorm12.zip']);
  expect(inspected.stdout).toMatch(/SCORM 1\.2/);
  const cc = await upstream(['inspect', 'dist/packages/demo/demo.imscc']);
  expect(cc.stdout).toMatch(/Common Cartridge/);
}, 120_000);

test('JavaScript imports the API', async () => {
  await writeFile(path.join(project, 'use.mjs'), `
import { load, validate, build } from 'upstream-curriculum';
const mod = await load('modules/demo');
const diagnostics = validate(mod);
const { modules } = await build(['modules/demo'], { targets: ['json'] });
console.log(JSON.stringify({ diagnostics: diagnostics.length, files: [...modules[0].files.keys()] }));
`);
  const { stdout } = await exec('node', ['use.mjs'], { cwd: project });
  expect(JSON.parse(stdout)).toEqual({ diagnostics: 0, files: ['demo.json'] });
}, 60_000);

test('TypeScript type-checks against the published declarations', async () => {
  await writeFile(path.join(project, 'use.ts'), `
import { load, validate, type Diagnostic, type ModuleModel, type TargetName } from 'upstream-curriculum';
const diagnostics: Diagnostic[] = validate(await load('modules/demo'));
const lines: string[] = diagnostics.map((d) => \`\${d.file}:\${d.line}:\${d.column} \${d.ruleId}\`);
const target: TargetName = 'scorm2004';
const title = (m: ModuleModel): string => m.title;
export { lines, target, title };
`);
  await writeFile(path.join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: [] },
    files: ['use.ts'],
  }));
  // The repository's own TypeScript, so the test needs no further download.
  const { stdout, stderr } = await exec('node', [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: project }).catch((e: { stdout: string; stderr: string }) => e);
  expect(`${stdout}${stderr}`).toBe('');
}, 60_000);

// Every example in the README runs, in the installed package, as a user would type it.
test('the README examples run', async () => {
  const readme = await readFile(path.join(repo, 'README.md'), 'utf8');
  const cli = /## Use \(CLI\)\n+```sh\n([\s\S]*?)```/.exec(readme)![1]!;
  const commands = cli.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean);
  expect(commands.length).toBeGreaterThanOrEqual(5);
  for (const line of commands) {
    const [bin, ...args] = line.split(/\s+/);
    expect(bin).toBe('upstream');
    // preview serves until stopped; test/browser/preview.test.ts exercises it.
    if (args[0] === 'preview') continue;
    await upstream(args);
  }
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBeGreaterThanOrEqual(1);
  for (const [i, code] of blocks.entries()) {
    await writeFile(path.join(project, `readme-${i}.mjs`), code);
    const { stdout } = await exec('node', [`readme-${i}.mjs`], { cwd: project });
    expect(stdout).toContain('No problems found.');
  }
}, 180_000);
