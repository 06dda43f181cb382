import type { Target } from '../../model/target.js';
import { rubricCsv } from '../rubric/csv.js';
import { GUIDE_ASSET_DIR, renderGuide, type GuideOptions } from './document.js';
import { canPrintPdf, printGuidePdf } from './pdf.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * The facilitator guide: `guide.html`, the module's assets under `guide-assets/`, every rubric as
 * `rubrics/<id>.csv`, and `guide.pdf` when PDFs are wanted (`ctx.pdf !== false`) and Chromium is here.
 */
export function createGuideTarget(options: GuideOptions = {}): Target {
  return {
    name: 'guide',
    summary: 'facilitator guide: printable HTML (and PDF with Chromium), run of show, notes, answer keys, rubrics (also CSV)',
    async build(model, ctx) {
      const files = new Map<string, Uint8Array>();
      const page = renderGuide(model, options);
      files.set('guide.html', utf8(page));
      for (const asset of [...model.assets].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        if (asset.path.startsWith('assets/')) files.set(`${GUIDE_ASSET_DIR}/${asset.path.slice('assets/'.length)}`, asset.bytes);
      }
      for (const rubric of model.rubrics) files.set(`rubrics/${rubric.id}.csv`, utf8(rubricCsv(rubric)));
      if (ctx.pdf !== false && (await canPrintPdf())) {
        files.set('guide.pdf', await (ctx.printPdf ?? printGuidePdf)(page, files, `Facilitator guide: ${model.title}`));
      }
      return files;
    },
  };
}

export const guideTarget: Target = createGuideTarget();
