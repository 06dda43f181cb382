import type { AssessmentModel, ModuleModel, RubricModel, SessionModel } from '../model/normalize.js';
import { itemPoints } from '../model/normalize.js';
import type { Item } from '../model/types.js';
import type { OutputFiles, Target } from '../model/target.js';
import { referencesHtml } from './content.js';
import { mdOptions, renderSessionPages } from './pages.js';
import { renderInline } from '../render/markdown.js';
import { ident, slug } from './ids.js';
import { attrs, el, esc, text, utf8, XML_DECL } from './xml.js';
import { zip } from './zip.js';

/**
 * One IMS Common Cartridge 1.1 for Moodle and Canvas (see shared/CANVAS.md): a CC 1.1 manifest
 * whose organization Moodle builds the course from, and Canvas-flavour files (module_meta, rubrics,
 * Canvas QTI, assignment settings) listed in learning-application resources.
 */

export const CC_NS = 'http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1';
export const CANVAS_NS = 'http://canvas.instructure.com/xsd/cccv1p0';
const LAR = 'associatedcontent/imscc_xmlv1p1/learning-application-resource';
const CANVAS_ROOT = attrs({ xmlns: CANVAS_NS, 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xsi:schemaLocation': `${CANVAS_NS} https://canvas.instructure.com/xsd/cccv1p0.xsd` });

interface Resource { xml: string }
interface OrgItem { id: string; title: string; ref?: string; children?: OrgItem[] }
interface CanvasItem { type: 'WikiPage' | 'Assignment' | 'Quizzes::Quiz' | 'DiscussionTopic'; title: string; ref: string }

export function ccPackage(model: ModuleModel): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const resources: Resource[] = [];
  const sections: OrgItem[] = [];
  const canvasModules: Array<{ id: string; title: string; items: CanvasItem[] }> = [];
  const put = (path: string, content: string) => files.set(path, utf8(content));
  const md = mdOptions(model, 'references.html', (url) => url.replace(/^(\.\.\/)?assets\//, '../web_resources/assets/'));

  // Assets, under web_resources/ (Canvas: course files).
  const assetsId = ident('RES', model.id, 'cc', 'assets');
  if (model.assets.length > 0) {
    const paths = model.assets.map((a) => `web_resources/${a.path}`).sort();
    for (const a of model.assets) files.set(`web_resources/${a.path}`, a.bytes);
    resources.push({ xml: el('resource', { identifier: assetsId, type: 'webcontent' }, ...paths.map((p) => el('file', { href: p }))) });
  }
  const webcontent = (id: string, path: string) => {
    resources.push({ xml: el('resource', { identifier: id, type: 'webcontent', href: path }, el('file', { href: path }), model.assets.length > 0 ? el('dependency', { identifierref: assetsId }) : undefined) });
  };

  // Overview and references pages.
  const overviewId = ident('RES', model.id, 'cc', 'overview');
  put('wiki_content/about-this-module.html', canvasPage(model, overviewId, `About this module: ${model.title}`, overviewHtml(model)));
  webcontent(overviewId, 'wiki_content/about-this-module.html');
  const refsId = ident('RES', model.id, 'cc', 'references');
  put('wiki_content/references.html', canvasPage(model, refsId, 'References', referencesHtml(model)));
  webcontent(refsId, 'wiki_content/references.html');
  sections.push({ id: ident('ITEM', model.id, 'cc', 'about'), title: 'About this module', children: [
    { id: ident('ITEM', model.id, 'cc', 'overview'), title: 'About this module', ref: overviewId },
    { id: ident('ITEM', model.id, 'cc', 'references'), title: 'References', ref: refsId },
  ] });
  canvasModules.push({ id: ident('MOD', model.id, 'about'), title: 'About this module', items: [
    { type: 'WikiPage', title: 'About this module', ref: overviewId }, { type: 'WikiPage', title: 'References', ref: refsId },
  ] });

  const byId = new Map(model.assessments.map((a) => [a.id, a]));
  const rubricById = new Map(model.rubrics.map((r) => [r.id, r]));
  const groupId = ident('GROUP', model.id, 'assignments');

  for (const [n, session] of model.sessions.entries()) {
    const pageId = ident('RES', model.id, 'cc', 'page', session.id);
    const pagePath = `wiki_content/${String(n + 1).padStart(2, '0')}-${slug(session.id)}.html`;
    const { pages } = renderSessionPages(model, session, 'pointer', { referencesHref: 'references.html', rewriteUrl: md.rewriteUrl });
    const title = `Session ${n + 1}: ${session.title}`;
    put(pagePath, canvasPage(model, pageId, title, materials(session) + pages.map((p) => p.html).join('\n')));
    webcontent(pageId, pagePath);
    const orgChildren: OrgItem[] = [{ id: ident('ITEM', model.id, 'cc', 'page', session.id), title, ref: pageId }];
    const canvasItems: CanvasItem[] = [{ type: 'WikiPage', title, ref: pageId }];

    for (const aid of session.assessments) {
      const a = byId.get(aid);
      if (!a) continue;
      if (a.kind === 'quiz') {
        const qid = ident('QUIZ', model.id, a.id);
        const metaId = ident('RES', model.id, 'quizmeta', a.id);
        put(`${qid}/assessment_qti.xml`, qti(model, a, qid, 'cc'));
        put(`non_cc_assessments/${qid}.xml.qti`, qti(model, a, qid, 'canvas'));
        put(`${qid}/assessment_meta.xml`, quizMeta(model, a, qid, groupId));
        resources.push({ xml: el('resource', { identifier: qid, type: 'imsqti_xmlv1p2/imscc_xmlv1p1/assessment' }, el('file', { href: `${qid}/assessment_qti.xml` }), el('dependency', { identifierref: metaId })) });
        resources.push({ xml: el('resource', { identifier: metaId, type: LAR, href: `${qid}/assessment_meta.xml` }, el('file', { href: `${qid}/assessment_meta.xml` }), el('file', { href: `non_cc_assessments/${qid}.xml.qti` })) });
        orgChildren.push({ id: ident('ITEM', model.id, 'cc', 'quiz', a.id), title: a.title, ref: qid });
        canvasItems.push({ type: 'Quizzes::Quiz', title: a.title, ref: qid });
      } else if (a.kind === 'reflection') {
        const tid = ident('TOPIC', model.id, a.id);
        const metaId = ident('RES', model.id, 'topicmeta', a.id);
        put(`${tid}.xml`, discussion(model, a));
        put(`${metaId}.xml`, topicMeta(a, tid, metaId));
        resources.push({ xml: el('resource', { identifier: tid, type: 'imsdt_xmlv1p1' }, el('file', { href: `${tid}.xml` }), el('dependency', { identifierref: metaId })) });
        resources.push({ xml: el('resource', { identifier: metaId, type: LAR, href: `${metaId}.xml` }, el('file', { href: `${metaId}.xml` })) });
        orgChildren.push({ id: ident('ITEM', model.id, 'cc', 'topic', a.id), title: a.title, ref: tid });
        canvasItems.push({ type: 'DiscussionTopic', title: a.title, ref: tid });
      } else {
        const asid = ident('ASSIGN', model.id, a.id);
        const htmlPath = `${asid}/${slug(a.id)}.html`;
        const rubric = a.rubric ? rubricById.get(a.rubric) : undefined;
        put(htmlPath, canvasPage(model, asid, a.title, assignmentHtml(model, a, rubric)));
        put(`${asid}/assignment_settings.xml`, assignmentSettings(model, a, asid, rubric, groupId));
        resources.push({ xml: el('resource', { identifier: asid, type: LAR, href: htmlPath }, el('file', { href: htmlPath }), el('file', { href: `${asid}/assignment_settings.xml` })) });
        // Moodle turns a learning-application resource into a link to HTML it never copies: its
        // organization item points at a plain web page with the same HTML instead.
        const webId = ident('RES', model.id, 'assignpage', a.id);
        webcontent(webId, htmlPath);
        orgChildren.push({ id: ident('ITEM', model.id, 'cc', 'assign', a.id), title: a.title, ref: webId });
        canvasItems.push({ type: 'Assignment', title: a.title, ref: asid });
      }
    }
    sections.push({ id: ident('ITEM', model.id, 'cc', 'section', session.id), title, children: orgChildren });
    canvasModules.push({ id: ident('MOD', model.id, session.id), title, items: canvasItems });
  }

  // Canvas course settings: switches Canvas flavour on; modules, rubrics, assignment groups.
  put('course_settings/canvas_export.txt', 'Q: What did the cartridge say to Canvas?\nA: Upstream packaged me; please read course_settings/.\n');
  put('course_settings/module_meta.xml', moduleMeta(canvasModules));
  put('course_settings/rubrics.xml', rubricsXml(model));
  put('course_settings/assignment_groups.xml', `${XML_DECL}<assignmentGroups${CANVAS_ROOT}>\n<assignmentGroup identifier="${groupId}"><title>${esc(model.title)}</title><position>1</position><group_weight>0.0</group_weight></assignmentGroup>\n</assignmentGroups>\n`);
  const settingsFiles = ['course_settings/canvas_export.txt', 'course_settings/module_meta.xml', 'course_settings/rubrics.xml', 'course_settings/assignment_groups.xml'];
  resources.push({ xml: el('resource', { identifier: ident('RES', model.id, 'canvas-settings'), type: LAR, href: 'course_settings/canvas_export.txt' }, ...settingsFiles.map((f) => el('file', { href: f }))) });

  put('imsmanifest.xml', manifest(model, sections, resources));
  return files;
}

function manifest(model: ModuleModel, sections: OrgItem[], resources: Resource[]): string {
  const item = (i: OrgItem): string => el('item', { identifier: i.id, identifierref: i.ref }, text('title', i.title), ...(i.children ?? []).map(item));
  const lang = model.language;
  const ls = (v: string) => `<lomimscc:string language="${esc(lang)}">${esc(v)}</lomimscc:string>`;
  // The default namespace comes first so that Moodle finds it within the first bytes.
  return `${XML_DECL}<manifest xmlns="${CC_NS}"${attrs({
    'xmlns:lomimscc': 'http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest',
    'xmlns:lom': 'http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    identifier: ident('MANIFEST', model.id, 'cc11'),
    'xsi:schemaLocation': `${CC_NS} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lomresource_v1p0.xsd`,
  })}>
<metadata>
<schema>IMS Common Cartridge</schema>
<schemaversion>1.1.0</schemaversion>
<lomimscc:lom>
<lomimscc:general>
<lomimscc:title>${ls(model.title)}</lomimscc:title>
<lomimscc:language>${esc(lang)}</lomimscc:language>
<lomimscc:description>${ls(model.summary)}</lomimscc:description>
${model.keywords.map((k) => `<lomimscc:keyword>${ls(k)}</lomimscc:keyword>`).join('\n')}
</lomimscc:general>
<lomimscc:rights>
<lomimscc:copyrightAndOtherRestrictions><lomimscc:value>yes</lomimscc:value></lomimscc:copyrightAndOtherRestrictions>
<lomimscc:description>${ls(`License: ${model.license}. Version ${model.version}. Authors: ${model.authors.map((a) => a.name).join('; ')}.`)}</lomimscc:description>
</lomimscc:rights>
</lomimscc:lom>
</metadata>
<organizations>
<organization identifier="${ident('ORG', model.id, 'cc11')}" structure="rooted-hierarchy">
<item identifier="${ident('ITEM', model.id, 'cc', 'root')}">
${sections.map(item).join('\n')}
</item>
</organization>
</organizations>
<resources>
${resources.map((r) => r.xml).join('\n')}
</resources>
</manifest>
`;
}

/** A page Canvas imports from wiki_content/ (it needs the identifier meta) and Moodle shows as a file. */
function canvasPage(model: ModuleModel, id: string, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${esc(model.language)}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${esc(title)}</title>
<meta name="identifier" content="${esc(id)}">
<meta name="editing_roles" content="teachers">
<meta name="workflow_state" content="active">
</head>
<body>
<h1>${esc(title)}</h1>
${body}
</body>
</html>
`;
}

function materials(session: SessionModel): string {
  const files = (session.materials ?? []).filter((m): m is { title: string; file: string } => typeof m === 'object' && m !== null && 'file' in m);
  if (files.length === 0) return '';
  return `<p><strong>Handouts:</strong> ${files.map((m) => `<a href="../web_resources/${esc(m.file)}">${esc(m.title)}</a>`).join(', ')}</p>\n`;
}

function overviewHtml(model: ModuleModel): string {
  const md = mdOptions(model, 'references.html');
  const parts = [`<p>${esc(model.summary)}</p>`, `<p><strong>Audience:</strong> ${esc(model.audience)}</p>`, `<p><strong>Duration:</strong> ${model.duration} minutes in ${model.sessions.length} sessions.</p>`];
  parts.push(`<h2>Objectives</h2><p>By the end of this module you will be able to:</p><ul>${model.objectives.map((o) => `<li>${esc(o.text)}</li>`).join('')}</ul>`);
  if (model.contentNotes && model.contentNotes.length > 0) parts.push(`<h2>Content notes</h2>${model.contentNotes.map((c) => renderInline(c, md)).join('')}`);
  if (model.confidentiality === 'chatham-house') parts.push('<p><strong>Confidentiality:</strong> sessions follow the Chatham House rule: you may use what is said, but not reveal who said it.</p>');
  if (model.confidentiality === 'full-confidentiality') parts.push('<p><strong>Confidentiality:</strong> what is said in sessions stays in the room.</p>');
  const support = (model.support ?? []).filter((s) => s.contact.trim() !== '');
  if (support.length > 0) parts.push(`<h2>Where to get help</h2><ul>${support.map((s) => `<li><strong>${esc(s.name)}</strong>: ${esc(s.contact)}${s.description ? `. ${esc(s.description)}` : ''}</li>`).join('')}</ul>`);
  parts.push(`<p>License: ${esc(model.license)}. Version ${esc(model.version)}.</p>`);
  return parts.join('\n');
}

function rubricTable(r: RubricModel): string {
  const levels = [...r.levels].sort((a, b) => b.points - a.points);
  return `<table><caption>${esc(r.title)}</caption><thead><tr><th scope="col">Criterion</th>${levels.map((l) => `<th scope="col">${esc(l.label)} (${l.points})</th>`).join('')}</tr></thead><tbody>${r.criteria.map((c) => `<tr><th scope="row">${esc(c.title)}</th>${levels.map((l) => `<td>${esc(c.descriptors[l.id] ?? '')}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function assignmentHtml(model: ModuleModel, a: AssessmentModel, rubric: RubricModel | undefined): string {
  const md = mdOptions(model, '../wiki_content/references.html');
  return `${a.instructions ? renderInline(a.instructions, md) : ''}${rubric ? `\n<h2>How it is assessed</h2>\n${rubricTable(rubric)}` : ''}`;
}

export function rubricPoints(r: RubricModel): number {
  const top = Math.max(0, ...r.levels.map((l) => l.points));
  return r.criteria.length * top;
}

function gradingType(r: RubricModel | undefined): string {
  if (!r) return 'not_graded';
  return r.gradebook.method === 'percent' ? 'percent' : r.gradebook.method === 'complete-incomplete' ? 'pass_fail' : 'points';
}

function assignmentSettings(model: ModuleModel, a: AssessmentModel, aid: string, rubric: RubricModel | undefined, groupId: string): string {
  const rid = rubric ? ident('RUBRIC', model.id, rubric.id) : undefined;
  return `${XML_DECL}<assignment identifier="${aid}"${CANVAS_ROOT}>
${text('title', a.title)}
${rid ? `${text('rubric_identifierref', rid)}\n<rubric_use_for_grading>true</rubric_use_for_grading>\n<rubric_hide_score_total>false</rubric_hide_score_total>\n` : ''}<workflow_state>published</workflow_state>
<points_possible>${rubric ? rubricPoints(rubric) : 0}</points_possible>
<grading_type>${gradingType(rubric)}</grading_type>
<submission_types>online_text_entry,online_upload</submission_types>
<assignment_group_identifierref>${groupId}</assignment_group_identifierref>
<position>1</position>
</assignment>
`;
}

function rubricsXml(model: ModuleModel): string {
  const rubrics = model.rubrics.map((r) => {
    const levels = [...r.levels].sort((a, b) => b.points - a.points);
    const top = levels[0]?.points ?? 0;
    const criteria = r.criteria.map((c) => {
      const cid = ident('C', model.id, r.id, c.id);
      const objectives = c.objectives.map((o) => model.objectives.find((x) => x.id === o)?.text ?? o).join(' ');
      const ratings = levels.map((l) => `<rating>${text('description', l.label)}${text('long_description', c.descriptors[l.id] ?? '')}<points>${l.points}</points>${text('criterion_id', cid)}${text('id', ident('R', model.id, r.id, c.id, l.id))}</rating>`).join('');
      return `<criterion>${text('criterion_id', cid)}<points>${top}</points>${text('description', c.title)}${text('long_description', objectives ? `Objectives: ${objectives}` : '')}<ratings>${ratings}</ratings></criterion>`;
    }).join('\n');
    return `<rubric identifier="${ident('RUBRIC', model.id, r.id)}">
<read_only>false</read_only>
${text('title', r.title)}
<reusable>false</reusable>
<public>false</public>
<points_possible>${rubricPoints(r)}</points_possible>
<hide_score_total>false</hide_score_total>
<free_form_criterion_comments>false</free_form_criterion_comments>
${r.description ? text('description', r.description) + '\n' : ''}<criteria>
${criteria}
</criteria>
</rubric>`;
  });
  return `${XML_DECL}<rubrics${CANVAS_ROOT}>\n${rubrics.join('\n')}\n</rubrics>\n`;
}

function moduleMeta(modules: Array<{ id: string; title: string; items: CanvasItem[] }>): string {
  const body = modules.map((m, i) => `<module identifier="${m.id}">
${text('title', m.title)}
<workflow_state>active</workflow_state>
<position>${i + 1}</position>
<require_sequential_progress>false</require_sequential_progress>
<locked>false</locked>
<items>
${m.items.map((it, k) => `<item identifier="${ident('MI', m.id, String(k), it.ref)}"><content_type>${it.type}</content_type>${text('title', it.title)}<identifierref>${it.ref}</identifierref><position>${k + 1}</position><indent>0</indent><workflow_state>active</workflow_state></item>`).join('\n')}
</items>
</module>`).join('\n');
  return `${XML_DECL}<modules${CANVAS_ROOT}>\n${body}\n</modules>\n`;
}

function topicMeta(a: AssessmentModel, tid: string, metaId: string): string {
  return `${XML_DECL}<topicMeta identifier="${metaId}"${CANVAS_ROOT}>
${text('topic_id', tid)}
${text('title', a.title)}
<type>topic</type>
<discussion_type>threaded</discussion_type>
<workflow_state>active</workflow_state>
<require_initial_post>false</require_initial_post>
</topicMeta>
`;
}

function discussion(model: ModuleModel, a: AssessmentModel): string {
  const md = mdOptions(model, 'wiki_content/references.html');
  const privateNote = a.report === false
    ? '<p><strong>This reflection is private.</strong> Write it for yourself first. Post here only what you choose to share with your group: a post is seen by the class and the instructor, and nothing here is graded.</p>'
    : '<p>Post your reflection here. Posts are seen by the class and the instructor.</p>';
  const prompts = (a.items ?? []).map((i) => `<li>${renderInline(i.prompt, md)}</li>`).join('');
  const html = `${privateNote}${a.instructions ? renderInline(a.instructions, md) : ''}${prompts ? `<ol>${prompts}</ol>` : ''}`;
  return `${XML_DECL}<topic xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imsdt_v1p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imsdt_v1p1 http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imsdt_v1p1.xsd">
${text('title', a.title)}
<text texttype="text/html">${esc(html)}</text>
</topic>
`;
}

function quizMeta(model: ModuleModel, a: AssessmentModel, qid: string, groupId: string): string {
  const points = (a.items ?? []).reduce((s, i) => s + itemPoints(i), 0);
  const md = mdOptions(model, '../wiki_content/references.html');
  return `${XML_DECL}<quiz identifier="${qid}"${CANVAS_ROOT}>
${text('title', a.title)}
${text('description', a.instructions ? renderInline(a.instructions, md) : '')}
<shuffle_answers>false</shuffle_answers>
<scoring_policy>keep_highest</scoring_policy>
<hide_results></hide_results>
<quiz_type>assignment</quiz_type>
<points_possible>${points}</points_possible>
<show_correct_answers>true</show_correct_answers>
<allowed_attempts>-1</allowed_attempts>
<one_question_at_a_time>false</one_question_at_a_time>
<cant_go_back>false</cant_go_back>
<available>true</available>
<assignment identifier="${ident('QASSIGN', model.id, a.id)}">
${text('title', a.title)}
<workflow_state>published</workflow_state>
<points_possible>${points}</points_possible>
<grading_type>points</grading_type>
<submission_types>online_quiz</submission_types>
<assignment_group_identifierref>${groupId}</assignment_group_identifierref>
</assignment>
</quiz>
`;
}

const CC_PROFILE: Record<Item['type'], [cc: string, canvas: string]> = {
  'single-choice': ['cc.multiple_choice.v0p1', 'multiple_choice_question'],
  'multiple-response': ['cc.multiple_response.v0p1', 'multiple_answers_question'],
  'true-false': ['cc.true_false.v0p1', 'true_false_question'],
  'short-answer': ['cc.fib.v0p1', 'short_answer_question'],
  essay: ['cc.essay.v0p1', 'essay_question'],
  reflection: ['cc.essay.v0p1', 'essay_question'],
};

function field(label: string, entry: string | number): string {
  return `<qtimetadatafield><fieldlabel>${esc(label)}</fieldlabel><fieldentry>${esc(entry)}</fieldentry></qtimetadatafield>`;
}

function mattext(html: string): string {
  return `<material><mattext texttype="text/html">${esc(html)}</mattext></material>`;
}

/** QTI 1.2: the CC profile (Moodle) or Canvas's flavour; both share the quiz ident. */
export function qti(model: ModuleModel, a: AssessmentModel, qid: string, flavor: 'cc' | 'canvas'): string {
  const md = mdOptions(model, '../wiki_content/references.html');
  const html = (s: string) => renderInline(s, md).trim();
  const items = (a.items ?? []).map((item) => {
    const iid = ident('Q', model.id, a.id, item.id);
    const [ccProfile, canvasType] = CC_PROFILE[item.type];
    const points = itemPoints(item);
    const meta = flavor === 'cc'
      ? field('cc_profile', ccProfile) + field('cc_weighting', points)
      : field('question_type', canvasType) + field('points_possible', points) + field('original_answer_ids', (item.type === 'true-false' ? ['true', 'false'] : (item.choices ?? []).map((c) => c.id)).join(',')) + field('assessment_question_identifierref', ident('AQ', model.id, a.id, item.id));
    const fb = item.feedback;
    const fbCorrect = fb === undefined ? undefined : typeof fb === 'string' ? fb : fb.correct;
    const fbIncorrect = fb === undefined ? undefined : typeof fb === 'string' ? fb : fb.incorrect;
    const feedbacks: string[] = [];
    if (fbCorrect) feedbacks.push(`<itemfeedback ident="correct_fb"><flow_mat>${mattext(html(fbCorrect))}</flow_mat></itemfeedback>`);
    if (fbIncorrect) feedbacks.push(`<itemfeedback ident="general_incorrect_fb"><flow_mat>${mattext(html(fbIncorrect))}</flow_mat></itemfeedback>`);
    let presentation = '';
    let processing = '';
    const outcomes = '<outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>';
    const showCorrect = fbCorrect ? '<displayfeedback feedbacktype="Response" linkrefid="correct_fb"/>' : '';
    const showIncorrect = fbIncorrect ? '<displayfeedback feedbacktype="Response" linkrefid="general_incorrect_fb"/>' : '';
    const otherwise = `<respcondition continue="Yes"><conditionvar><other/></conditionvar>${showIncorrect}</respcondition>`;
    if (item.type === 'single-choice' || item.type === 'multiple-response' || item.type === 'true-false') {
      const choices = item.type === 'true-false'
        ? [{ id: 'true', text: 'True', correct: item.answer === true, feedback: undefined }, { id: 'false', text: 'False', correct: item.answer === false, feedback: undefined }]
        : (item.choices ?? []);
      const card = item.type === 'multiple-response' ? 'Multiple' : 'Single';
      presentation = `<response_lid ident="response1" rcardinality="${card}"><render_choice>${choices.map((c) => `<response_label ident="${esc(c.id)}">${mattext(html(c.text))}</response_label>`).join('')}</render_choice></response_lid>`;
      for (const c of choices) if (c.feedback) feedbacks.push(`<itemfeedback ident="${esc(`${c.id}_fb`)}"><flow_mat>${mattext(html(c.feedback))}</flow_mat></itemfeedback>`);
      const perChoice = choices.filter((c) => c.feedback).map((c) => `<respcondition continue="Yes"><conditionvar><varequal respident="response1">${esc(c.id)}</varequal></conditionvar><displayfeedback feedbacktype="Response" linkrefid="${esc(`${c.id}_fb`)}"/></respcondition>`).join('');
      const right = choices.filter((c) => c.correct);
      const cond = item.type === 'multiple-response'
        ? `<and>${choices.map((c) => (c.correct ? `<varequal respident="response1">${esc(c.id)}</varequal>` : `<not><varequal respident="response1">${esc(c.id)}</varequal></not>`)).join('')}</and>`
        : `<varequal respident="response1">${esc(right[0]?.id ?? '')}</varequal>`;
      processing = `${outcomes}${perChoice}<respcondition continue="No"><conditionvar>${cond}</conditionvar><setvar action="Set" varname="SCORE">100</setvar>${showCorrect}</respcondition>${otherwise}`;
    } else if (item.type === 'short-answer') {
      presentation = `<response_str ident="response1" rcardinality="Single"><render_fib><response_label ident="answer1"/></render_fib></response_str>`;
      processing = `${outcomes}<respcondition continue="No"><conditionvar>${(item.accept ?? []).map((v) => `<varequal respident="response1" case="No">${esc(v)}</varequal>`).join('')}</conditionvar><setvar action="Set" varname="SCORE">100</setvar>${showCorrect}</respcondition>${otherwise}`;
    } else {
      presentation = `<response_str ident="response1" rcardinality="Single"><render_fib><response_label ident="answer1" rshuffle="No"/></render_fib></response_str>`;
      processing = `<outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes><respcondition continue="No"><conditionvar><other/></conditionvar></respcondition>`;
    }
    return `<item ident="${iid}" title="${esc(item.id)}">
<itemmetadata><qtimetadata>${meta}</qtimetadata></itemmetadata>
<presentation>${mattext(html(item.prompt))}${presentation}</presentation>
<resprocessing>${processing}</resprocessing>
${feedbacks.join('\n')}
</item>`;
  }).join('\n');
  const assessmentMeta = flavor === 'cc'
    ? field('cc_profile', 'cc.exam.v0p1') + field('qmd_assessmenttype', 'Examination') + field('qmd_scoretype', 'Percentage') + field('cc_maxattempts', 'unlimited')
    : field('cc_maxattempts', 'unlimited');
  return `${XML_DECL}<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd">
<assessment ident="${qid}" title="${esc(a.title)}">
<qtimetadata>${assessmentMeta}</qtimetadata>
<section ident="root_section">
${items}
</section>
</assessment>
</questestinterop>
`;
}

export const ccTarget: Target = {
  name: 'cc',
  summary: 'IMS Common Cartridge 1.1 for Moodle and Canvas, with rubrics',
  build: (model): OutputFiles => new Map([[`${model.id}.imscc`, zip(ccPackage(model))]]),
};
