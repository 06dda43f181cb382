import type { ModuleModel } from '../model/normalize.js';
import type { OutputFiles, Target } from '../model/target.js';
import { schemaFiles } from './check/xsd.js';
import { packageContent } from './content.js';
import { ident } from './ids.js';
import { attrs, el, esc, text, utf8, XML_DECL } from './xml.js';
import { zip } from './zip.js';

export type ScormVersion = '1.2' | '2004';

/**
 * A multi-SCO package: one SCO per session (its learner pages and a small local runtime), the
 * module's quizzes scored in the session that holds them, control XSDs at the package root.
 * The manifest keeps Moodle's needs: IMS CP in the default namespace, the literal prefixes
 * `adlcp`, `adlseq`, `adlnav`, `imsss`, and the exact `schemaversion`.
 */
export function scormPackage(model: ModuleModel, version: ScormVersion): Map<string, Uint8Array> {
  const content = packageContent(model, version === '1.2' ? 'scorm12' : 'scorm2004');
  const files = new Map(content.files);
  const schemas = schemaFiles(version === '1.2' ? 'scorm12-manifest' : 'scorm2004-manifest');
  for (const [name, bytes] of schemas) files.set(name, bytes);
  files.set('imsmanifest.xml', utf8(version === '1.2' ? manifest12(model, content) : manifest2004(model, content)));
  return files;
}

type Content = ReturnType<typeof packageContent>;

const sharedId = (model: ModuleModel) => ident('RES', model.id, 'shared');
const scoId = (model: ModuleModel, sid: string) => ident('RES', model.id, 'sco', sid);
const itemId = (model: ModuleModel, sid: string) => ident('ITEM', model.id, 'sco', sid);
const orgId = (model: ModuleModel) => ident('ORG', model.id);

function resources(model: ModuleModel, content: Content, scormTypeAttr: string): string {
  const scos = content.sessions.map((s) => el('resource', { identifier: scoId(model, s.session.id), type: 'webcontent', [scormTypeAttr]: 'sco', href: s.path },
    el('file', { href: s.path }), el('dependency', { identifierref: sharedId(model) })));
  const shared = el('resource', { identifier: sharedId(model), type: 'webcontent', [scormTypeAttr]: 'asset' },
    ...content.shared.map((f) => el('file', { href: f })));
  return `<resources>\n${[...scos, shared].join('\n')}\n</resources>`;
}

function manifest12(model: ModuleModel, content: Content): string {
  const items = content.sessions.map((s, n) => el('item', { identifier: itemId(model, s.session.id), identifierref: scoId(model, s.session.id), isvisible: 'true' },
    text('title', `${n + 1}. ${s.session.title}`),
    s.maxScore > 0 && model.masteryScore !== undefined ? text('adlcp:masteryscore', Math.round(model.masteryScore * 100)) : undefined));
  return `${XML_DECL}<manifest${attrs({
    identifier: ident('MANIFEST', model.id, 'scorm12'),
    version: model.version,
    xmlns: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
    'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd',
  })}>
<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
<organizations default="${orgId(model)}">
<organization identifier="${orgId(model)}">
${text('title', model.title)}
${items.join('\n')}
</organization>
</organizations>
${resources(model, content, 'adlcp:scormtype')}
</manifest>
`;
}

function manifest2004(model: ModuleModel, content: Content): string {
  const items = content.sessions.map((s, n) => {
    const scored = s.maxScore > 0 && model.masteryScore !== undefined;
    const seq = scored
      ? `<imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="${esc(`${s.session.id}-mastery`)}" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>${model.masteryScore}</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives></imsss:sequencing>`
      : undefined;
    return el('item', { identifier: itemId(model, s.session.id), identifierref: scoId(model, s.session.id), isvisible: 'true' },
      text('title', `${n + 1}. ${s.session.title}`), seq);
  });
  return `${XML_DECL}<manifest${attrs({
    identifier: ident('MANIFEST', model.id, 'scorm2004'),
    version: model.version,
    xmlns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
    'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_v1p3',
    'xmlns:adlseq': 'http://www.adlnet.org/xsd/adlseq_v1p3',
    'xmlns:adlnav': 'http://www.adlnet.org/xsd/adlnav_v1p3',
    'xmlns:imsss': 'http://www.imsglobal.org/xsd/imsss',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': 'http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd',
  })}>
<metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
<organizations default="${orgId(model)}">
<organization identifier="${orgId(model)}">
${text('title', model.title)}
${items.join('\n')}
<imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
</organization>
</organizations>
${resources(model, content, 'adlcp:scormType')}
</manifest>
`;
}

export const scorm12Target: Target = {
  name: 'scorm12',
  summary: 'SCORM 1.2 zip, one SCO per session',
  build: (model): OutputFiles => new Map([[`${model.id}.scorm12.zip`, zip(scormPackage(model, '1.2'))]]),
};

export const scorm2004Target: Target = {
  name: 'scorm2004',
  summary: 'SCORM 2004 4th Edition zip, one SCO per session',
  build: (model): OutputFiles => new Map([[`${model.id}.scorm2004.zip`, zip(scormPackage(model, '2004'))]]),
};
