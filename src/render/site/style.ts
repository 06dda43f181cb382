/**
 * The learner site's style sheet, written to `site/upstream.css`. System fonts only (the site
 * works offline), contrast of at least 4.5:1 everywhere, a visible focus ring, one column on a
 * phone, and a print style that drops navigation and buttons.
 */
export const SITE_CSS = `:root {
  --text: #1b1b1b; --muted: #4a4a4a; --bg: #ffffff; --link: #0645ad; --brand: #0b3d5c;
  --panel: #f3f6f9; --line: #c9d3dc; --focus: #1a5fb4;
  --good: #0b5d1e; --good-bg: #e8f5ec; --bad: #8a1c1c; --bad-bg: #fbeaea;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: var(--text); background: var(--bg);
  font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  overflow-wrap: break-word;
}
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main:focus { outline: none; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; z-index: 10; padding: 0.5rem 1rem; background: var(--bg); color: var(--link); border: 2px solid var(--focus); }
.skip-link:focus { top: 0.5rem; }
.site-header { background: var(--brand); color: #fff; padding: 0.75rem 1rem; }
.site-header a { color: #fff; }
.site-header .module-title { margin: 0; font-weight: 700; font-size: 1.05rem; }
.site-header nav ol { list-style: none; margin: 0.5rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.95rem; }
.site-header nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.site-header :focus-visible { outline-color: #fff; }
main, .site-footer, .pager { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
main { padding-top: 1rem; padding-bottom: 2rem; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: 1.9rem; margin-top: 0.6em; }
h2 { font-size: 1.45rem; }
h3 { font-size: 1.2rem; }
.eyebrow { margin: 0; color: var(--muted); font-weight: 600; }
.summary { font-size: 1.1rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
blockquote { margin: 1em 0; padding: 0.25em 1em; border-left: 4px solid var(--line); color: var(--muted); }
img { max-width: 100%; height: auto; }
code { font-size: 0.95em; }
.segment { margin: 1.5rem 0; }
.segment-title { margin-bottom: 0.25rem; }
.note, .callout { background: var(--panel); border-left: 4px solid var(--brand); padding: 0.5rem 1rem; margin: 1rem 0; }
.assessment { border: 1px solid var(--line); border-radius: 6px; padding: 0.25rem 1rem 1rem; margin: 2rem 0; }
.assessment > h2, .assessment > h3 { margin-top: 0.75rem; }
.assessment-meta { color: var(--muted); margin-top: 0; }
.items { list-style: none; padding: 0; margin: 0; }
fieldset.item { border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0; padding: 0.5rem 1rem 1rem; min-width: 0; }
fieldset.item legend { font-weight: 600; padding: 0.5rem 0 0.25rem; float: left; width: 100%; }
/* A floated legend sits inside the box, so a long prompt wraps cleanly instead of crossing the border. */
fieldset.item legend + * { clear: both; }
.qnum { display: block; color: var(--muted); font-size: 0.9rem; font-weight: 600; }
.choice { margin: 0.4rem 0; }
.choice label { display: inline; }
.choice input { margin: 0 0.5rem 0 0; width: 1.15rem; height: 1.15rem; vertical-align: -0.15rem; }
.choice-feedback, .feedback { margin: 0.4rem 0 0.4rem 1.65rem; padding: 0.35rem 0.75rem; background: var(--panel); border-radius: 4px; }
.feedback { margin-left: 0; }
.feedback p, .choice-feedback p { margin: 0.2rem 0; }
.result { font-weight: 700; margin: 0.75rem 0 0.25rem; }
.result.correct { color: var(--good); background: var(--good-bg); padding: 0.2rem 0.5rem; border-radius: 4px; display: inline-block; }
.result.incorrect { color: var(--bad); background: var(--bad-bg); padding: 0.2rem 0.5rem; border-radius: 4px; display: inline-block; }
.result.unanswered { color: var(--muted); }
input[type="text"], textarea { font: inherit; width: 100%; padding: 0.5rem; border: 1px solid #6b7785; border-radius: 4px; background: #fff; color: var(--text); }
textarea { min-height: 8rem; resize: vertical; }
button { font: inherit; cursor: pointer; padding: 0.5rem 1rem; border-radius: 4px; border: 2px solid var(--brand); background: var(--brand); color: #fff; min-height: 2.75rem; }
button.secondary { background: #fff; color: var(--brand); }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-top: 1rem; }
.score { font-weight: 700; }
.privacy { background: var(--panel); border-left: 4px solid var(--brand); padding: 0.5rem 1rem; }
.reflection { margin: 1rem 0 1.5rem; }
.reflection .prompt { font-weight: 600; }
.save-status { color: var(--muted); }
.table-wrap { overflow-x: auto; margin: 1rem 0; position: relative; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
th, td { border: 1px solid var(--line); padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: var(--panel); }
.points { font-weight: 400; white-space: nowrap; }
.objectives { display: block; font-weight: 400; color: var(--muted); font-size: 0.9em; }
.references li { margin-bottom: 0.6rem; }
.references .ref-note { color: var(--muted); }
.session-list li { margin-bottom: 0.5rem; }
.pager { display: flex; justify-content: space-between; gap: 1rem; padding-top: 1rem; padding-bottom: 1rem; border-top: 1px solid var(--line); }
.pager a { display: inline-block; padding: 0.5rem 0; }
.site-footer { color: var(--muted); font-size: 0.9rem; padding-bottom: 2rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (max-width: 30rem) {
  body { font-size: 1rem; }
  h1 { font-size: 1.6rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.4rem; }
  th, td { padding: 0.3rem 0.4rem; }
}
@media print {
  :root { --link: #000; }
  body { font-size: 11pt; }
  .skip-link, .site-header nav, .pager, .actions, button { display: none !important; }
  .site-header { background: none; color: #000; padding: 0; border-bottom: 1px solid #000; }
  .site-header a { color: #000; text-decoration: none; }
  main, .site-footer { max-width: none; padding: 0; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
  fieldset.item, tr, .reflection, .choice { break-inside: avoid; }
  h1, h2, h3, h4 { break-after: avoid; }
  .table-wrap { overflow: visible; }
  textarea { min-height: 6rem; border-color: #000; }
}
`;
