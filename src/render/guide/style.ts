/**
 * The facilitator guide's style, inlined in `guide.html` (allowed by its hash in the CSP) so
 * the guide is one file that can be emailed or printed alone. Print first: each session starts
 * on a new page, tables and notes do not split where avoidable.
 */
export const GUIDE_CSS = `:root { --text: #1b1b1b; --muted: #4a4a4a; --line: #b8c2cc; --panel: #f3f6f9; --note: #fff8e5; --note-line: #8a5a00; --link: #0645ad; --focus: #1a5fb4; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; color: var(--text); background: #fff; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; overflow-wrap: break-word; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main:focus { outline: none; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 1rem; background: #fff; color: var(--link); border: 2px solid var(--focus); }
.skip-link:focus { top: 0.5rem; }
h1, h2, h3, h4, h5 { line-height: 1.25; margin: 1.4em 0 0.5em; }
h1 { font-size: 2rem; }
h2 { font-size: 1.5rem; border-bottom: 2px solid var(--text); padding-bottom: 0.2rem; }
h3 { font-size: 1.2rem; }
h4 { font-size: 1.05rem; }
.eyebrow { margin: 0; color: var(--muted); font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; font-size: 0.85rem; }
.cover .summary { font-size: 1.1rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
.table-wrap { overflow-x: auto; margin: 0.75rem 0; position: relative; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.3rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th, tfoot th, tfoot td { background: var(--panel); }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.hit { text-align: center; font-weight: 700; }
.matrix th[scope="col"] { font-size: 0.82rem; }
.points { font-weight: 400; white-space: nowrap; }
.objectives { display: block; font-weight: 400; color: var(--muted); font-size: 0.9em; }
.segment { margin: 1rem 0; padding-left: 0.75rem; border-left: 3px solid var(--line); }
.segment-title { font-size: 1.05rem; margin: 0.5rem 0; }
aside.facilitator { background: var(--note); border-left: 5px solid var(--note-line); padding: 0.4rem 0.9rem; margin: 0.9rem 0; }
aside.facilitator::before { content: "Facilitator note"; display: block; font-weight: 700; color: var(--note-line); text-transform: uppercase; font-size: 0.8rem; letter-spacing: 0.04em; }
aside.note { background: var(--panel); border-left: 5px solid var(--muted); padding: 0.4rem 0.9rem; margin: 0.9rem 0; }
.assessment-here { border: 2px dashed var(--line); padding: 0.4rem 0.9rem; margin: 0.9rem 0; }
.answer-key > ol > li { margin-bottom: 1rem; }
.choices { list-style: none; padding-left: 0; }
.choices li { margin: 0.3rem 0; padding-left: 1.6rem; text-indent: -1.6rem; }
.mark { display: inline-block; width: 1.6rem; text-indent: 0; font-weight: 700; }
.correct-label { font-weight: 700; }
.choice-feedback { display: block; text-indent: 0; color: var(--muted); }
.fill-in { font-style: italic; font-weight: 700; }
.safety-rule { font-size: 1.05rem; border-left: 5px solid var(--text); padding: 0.3rem 0.9rem; margin: 0.5rem 0; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (max-width: 30rem) { dl.facts { grid-template-columns: 1fr; } }
@page { margin: 16mm 14mm 18mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .skip-link { display: none; }
  a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; }
  .session, .part { break-before: page; }
  h1, h2, h3, h4, h5, caption { break-after: avoid; }
  tr, aside, .choices li, dl.facts, .ros { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;
