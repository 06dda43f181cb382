import type { SessionModel } from '../../model/normalize.js';
import { INSTRUCTIONAL_METHODS } from '../../validate/vocabularies.js';
import { html, type Html } from '../html.js';
import { clock } from '../text.js';

export interface TimedSegment {
  index: number;
  title: string;
  start: number;
  end: number;
  minutes: number;
  method?: string;
  group?: string;
}

/** Each segment's start and end in minutes from the session's start, in source order. */
export function timeline(session: SessionModel): TimedSegment[] {
  let at = 0;
  return session.segments.map((seg, index) => {
    const minutes = Number.isFinite(seg.minutes) ? seg.minutes : 0;
    const t: TimedSegment = { index, title: seg.title ?? `Segment ${index + 1}`, start: at, end: at + minutes, minutes };
    if (seg.method) t.method = seg.method;
    if (seg.group) t.group = seg.group;
    at += minutes;
    return t;
  });
}

/**
 * The run-of-show table: elapsed clock from 0:00 for every segment, and with a start time the
 * time of day as well, so the facilitator can keep the session to its slot.
 */
export function runOfShow(session: SessionModel, number: number, start?: { h: number; m: number }): Html {
  const rows = timeline(session);
  const total = rows.reduce((s, r) => s + r.minutes, 0);
  const captionId = `ros-${session.id}`;
  return html`<div class="table-wrap ros" role="region" aria-labelledby="${captionId}" tabindex="0"><table class="run-of-show">
<caption id="${captionId}">Run of show, session ${number}: ${session.title} (${total} minutes${start ? `, starting at ${clock(0, start)}` : ''})</caption>
<thead><tr><th scope="col">Elapsed</th>${start ? html`<th scope="col">Clock</th>` : ''}<th scope="col" class="num">Minutes</th><th scope="col">Segment</th><th scope="col">Method</th><th scope="col">Grouping</th></tr></thead>
<tbody>
${rows.map((r) => html`<tr><td class="time">${clock(r.start)}–${clock(r.end)}</td>${start ? html`<td class="time">${clock(r.start, start)}–${clock(r.end, start)}</td>` : ''}<td class="num">${r.minutes}</td><th scope="row">${r.title}</th><td>${r.method ? `${INSTRUCTIONAL_METHODS[r.method] ?? r.method} (${r.method})` : ''}</td><td>${r.group ?? ''}</td></tr>\n`)}
</tbody>
<tfoot><tr><th scope="row">Total</th>${start ? html`<td></td>` : ''}<td class="num">${total}</td><td colspan="3">${clock(0)}–${clock(total)}</td></tr></tfoot>
</table></div>`;
}
