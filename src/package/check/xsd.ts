import { readdirSync, readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { SCHEMA_DIR } from '../../validate/schema.js';

/** The official LMS XSDs shipped in `schemas/xsd/` (copied from the ADL, IMS and AICC sources). */
export const XSD_DIR = `${SCHEMA_DIR}xsd/`;

/** What a file is validated as, and the schema that drives it. */
export type XmlKind = 'scorm12-manifest' | 'scorm2004-manifest' | 'cc11-manifest' | 'cc11-qti' | 'cc11-discussion' | 'cc11-weblink' | 'cmi5';

const DRIVERS: Record<XmlKind, { folder: string; schema: string }> = {
  'scorm12-manifest': { folder: 'scorm12', schema: 'driver.xsd' },
  'scorm2004-manifest': { folder: 'scorm2004-4th', schema: 'driver.xsd' },
  'cc11-manifest': { folder: 'cc11', schema: 'cc11libxml2validator.xsd' },
  'cc11-qti': { folder: 'cc11', schema: 'ccv1p1_qtiasiv1p2p1_v1p0.xsd' },
  'cc11-discussion': { folder: 'cc11', schema: 'ccv1p1_imsdt_v1p1.xsd' },
  'cc11-weblink': { folder: 'cc11', schema: 'ccv1p1_imswl_v1p1.xsd' },
  cmi5: { folder: 'cmi5', schema: 'CourseStructure.xsd' },
};

export interface XsdResult {
  valid: boolean;
  /** xmllint's messages, each `line N: text` where the line is known. */
  errors: string[];
}

const folderCache = new Map<string, Array<{ fileName: string; contents: string }>>();

function folderFiles(folder: string): Array<{ fileName: string; contents: string }> {
  let files = folderCache.get(folder);
  if (!files) {
    const dir = `${XSD_DIR}${folder}/`;
    files = readdirSync(dir).filter((f) => /\.(xsd|dtd)$/.test(f)).sort().map((f) => ({ fileName: f, contents: readFileSync(dir + f, 'utf8') }));
    folderCache.set(folder, files);
  }
  return files;
}

/** The files of a schema set (for packaging the control files at a SCORM package root). */
export function schemaFiles(kind: XmlKind): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const f of folderFiles(DRIVERS[kind].folder)) {
    if (f.fileName === 'driver.xsd') continue;
    out.set(f.fileName, new TextEncoder().encode(f.contents));
  }
  return out;
}

/**
 * Validates one XML document against the official XSDs with libxml2 (xmllint-wasm), offline:
 * every file the driver imports is preloaded. The verdict is xmllint's exit status (`valid`),
 * never its text, which says "validates" even when a schema failed to compile.
 */
export async function validateXsd(xml: string, kind: XmlKind, fileName = 'document.xml'): Promise<XsdResult> {
  const { folder, schema } = DRIVERS[kind];
  const files = folderFiles(folder);
  const main = files.find((f) => f.fileName === schema)!;
  const safeName = fileName.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[-.]+/, 'x');
  try {
    const result = await validateXML({
      xml: [{ fileName: safeName, contents: xml }],
      schema: [main],
      preload: files.filter((f) => f !== main),
      initialMemoryPages: 512,
      maxMemoryPages: 4096,
    });
    const errors = result.errors.map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.message));
    return { valid: result.valid, errors: result.valid ? [] : errors.length > 0 ? errors : [result.rawOutput.trim() || 'xmllint reported the document invalid'] };
  } catch (error) {
    return { valid: false, errors: [`xmllint could not run: ${error instanceof Error ? error.message : String(error)}`] };
  }
}
