/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function, self time by
 * package or source file, and inclusive time of Upstream's own functions.
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** `file:///…/node_modules/@scope/pkg/x.js` → `@scope/pkg`; `…/dist/lib/a/b.js` → `src/a/b.ts`. */
export function area(url: string): string {
  if (!url) return '(native/VM)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const lib = url.indexOf('/dist/lib/');
  if (lib >= 0) return `src/${url.slice(lib + '/dist/lib/'.length).replace(/\.js$/, '.ts')}`;
  if (url.startsWith('node:')) return 'node: (built-ins)';
  return url.replace(/^file:\/\/.*\/bench\//, 'bench/');
}

export async function summariseProfile(file: string, top = 25): Promise<string> {
  const prof = JSON.parse(await readFile(file, 'utf8')) as Profile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}  ${area(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
  const self = new Map<string, number>(), byArea = new Map<string, number>(), incl = new Map<string, number>(), inclArea = new Map<string, number>();
  let total = 0;
  prof.samples.forEach((id, i) => {
    const dt = prof.timeDeltas[i] ?? 0;
    const n = byId.get(id)!;
    if (n.callFrame.functionName === '(idle)') return;
    total += dt;
    self.set(key(n), (self.get(key(n)) ?? 0) + dt);
    byArea.set(area(n.callFrame.url), (byArea.get(area(n.callFrame.url)) ?? 0) + dt);
    const seen = new Set<string>(), seenArea = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur)!;
      const k = key(node), a = area(node.callFrame.url);
      if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + dt); }
      if (!seenArea.has(a)) { seenArea.add(a); inclArea.set(a, (inclArea.get(a) ?? 0) + dt); }
    }
  });
  const pct = (v: number) => `${((100 * v) / total).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>, n: number, filter: (k: string) => boolean = () => true) =>
    [...m].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${pct(v)}  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`).join('\n');
  return [
    `CPU profile ${file}: ${(total / 1e6).toFixed(1)} s sampled (idle excluded)`,
    '',
    'Self time by package / source file:',
    list(byArea, 15),
    '',
    'Inclusive time by package / source file (time with it on the stack):',
    list(inclArea, 20, (k) => k !== '(native/VM)' && !k.startsWith('bench/') && k !== 'node: (built-ins)'),
    '',
    `Self time by function (top ${top}):`,
    list(self, top),
    '',
    'Inclusive time of Upstream functions (top 25):',
    list(incl, 25, (k) => k.includes(' src/')),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  console.log(await summariseProfile(process.argv[2]!, Number(process.argv[3] ?? 25)));
}
