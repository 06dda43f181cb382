import type { ModuleModel } from '../../model/normalize.js';
import { html, type Html } from '../html.js';
import { CONFIDENTIALITY } from '../text.js';

const FILL_IN = 'To be filled in by your school';

/**
 * The guide's safety section (DOMAIN.md, "Sensitive content"): content notes to send ahead, the
 * confidentiality rule word for word, learning space not counselling, the right to pass and its
 * alternative, the co-facilitator, the disclosure protocol step by step, and support resources,
 * with empty contacts marked for the school to fill in. Missing parts are shown as gaps to fill,
 * not left out, so a facilitator sees what the module lacks.
 */
export function safetySection(model: ModuleModel): Html {
  const s = model.safety ?? {};
  const c = CONFIDENTIALITY[model.confidentiality];
  const text = (value: string | undefined) => value ? html`<p>${value}</p>` : html`<p class="fill-in">${FILL_IN}.</p>`;
  const notes = model.contentNotes ?? [];
  const support = model.support ?? [];
  return html`<section class="part" id="safety" aria-labelledby="safety-title">
<h2 id="safety-title">Safety and ground rules</h2>
<h3>Content notes</h3>
<p>Send these to learners at least a few days before the first session, with the sentence “You may pass on any activity, and there is an alternative.”</p>
${notes.length > 0 ? html`<ul>${notes.map((n) => html`<li>${n}</li>`)}</ul>` : html`<p>This module has no content notes.</p>`}
<h3>Confidentiality: ${c.name}</h3>
<p>State this rule, word for word, at the start of every session:</p>
<p class="safety-rule">${model.confidentiality === 'chatham-house' ? 'When a session, or part of it, is held under the Chatham House Rule, ' : ''}${model.confidentiality === 'chatham-house' ? c.rule.charAt(0).toLowerCase() + c.rule.slice(1) : c.rule}</p>
<h3>A learning space, not counselling</h3>
${text(s.learningSpace)}
<h3>The right to pass</h3>
${text(s.rightToPass)}
<h4>Alternative activity</h4>
${text(s.alternativeActivity)}
<h3>Co-facilitator</h3>
${text(s.coFacilitator)}
<h3>If a learner discloses distress or risk: step by step</h3>
${(s.disclosureProtocol ?? []).length > 0 ? html`<ol>${s.disclosureProtocol!.map((step) => html`<li>${step}</li>`)}</ol>` : html`<p class="fill-in">${FILL_IN}: your school's disclosure protocol.</p>`}
<h3>Support resources</h3>
<p>Give learners this list at the start of the module. Check every contact before the session.</p>
${support.length > 0 ? html`<div class="table-wrap" role="region" aria-labelledby="support-caption" tabindex="0"><table>
<caption id="support-caption">Support resources</caption>
<thead><tr><th scope="col">Service</th><th scope="col">Contact</th><th scope="col">Kind</th><th scope="col">About</th></tr></thead>
<tbody>${support.map((r) => html`<tr><th scope="row">${r.name}</th><td>${r.contact.trim() ? r.contact : html`<span class="fill-in">${FILL_IN}</span>`}</td><td>${r.scope ?? ''}</td><td>${r.description ?? ''}</td></tr>`)}</tbody>
</table></div>` : html`<p class="fill-in">${FILL_IN}: counselling service, crisis line (such as 988 in the US), Physician Support Line 1-888-409-0141.</p>`}
</section>`;
}
