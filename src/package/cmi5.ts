import type { ModuleModel } from '../model/normalize.js';
import type { OutputFiles, Target } from '../model/target.js';
import { packageContent } from './content.js';
import { esc, utf8, XML_DECL } from './xml.js';
import { zip } from './zip.js';

/** The IRI that names the course; AU ids extend it. Stable across builds, from the module's id. */
export const courseIri = (model: ModuleModel): string => `urn:x-upstream:module:${model.id}`;

function langstring(model: ModuleModel, value: string): string {
  return `<langstring lang="${esc(model.language)}">${esc(value)}</langstring>`;
}

/**
 * A cmi5 course package: `cmi5.xml` with one AU per session (moveOn and masteryScore from the
 * module), the same pages as the SCOs, whose runtime speaks cmi5 over the launch's xAPI endpoint.
 */
export function cmi5Package(model: ModuleModel): Map<string, Uint8Array> {
  const content = packageContent(model, 'cmi5');
  const files = new Map(content.files);
  const aus = content.sessions.map((s) => {
    const scored = s.maxScore > 0 && model.masteryScore !== undefined;
    const moveOn = scored ? 'CompletedAndPassed' : 'Completed';
    const id = `${courseIri(model)}:au:${s.session.id}`;
    return `<au id="${esc(id)}" moveOn="${moveOn}"${scored ? ` masteryScore="${model.masteryScore}"` : ''} launchMethod="AnyWindow">
<title>${langstring(model, s.session.title)}</title>
<description>${langstring(model, `Session ${model.sessions.indexOf(s.session) + 1} of ${model.title} (${s.session.duration} minutes).`)}</description>
<url>${esc(s.path)}</url>
</au>`;
  });
  const xml = `${XML_DECL}<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
<course id="${esc(courseIri(model))}">
<title>${langstring(model, model.title)}</title>
<description>${langstring(model, model.summary)}</description>
</course>
${aus.join('\n')}
</courseStructure>
`;
  files.set('cmi5.xml', utf8(xml));
  return files;
}

export const cmi5Target: Target = {
  name: 'cmi5',
  summary: 'cmi5 course package, one AU per session',
  build: (model): OutputFiles => new Map([[`${model.id}.cmi5.zip`, zip(cmi5Package(model))]]),
};
