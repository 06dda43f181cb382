import { inflateSync } from 'fflate';

/**
 * Reads a zip in memory, refusing what could hurt the machine that opens it: paths that escape the
 * folder (zip-slip, absolute, drive letters), symlinks, and bombs (too many entries, too much
 * uncompressed data, extreme compression ratios), all checked from the central directory before
 * anything is inflated. Nothing is written to disk.
 */

export interface ZipLimits {
  maxEntries: number;
  /** Total declared uncompressed bytes. */
  maxTotalBytes: number;
  /** Largest ratio of uncompressed to compressed size for an entry over 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: ZipLimits = { maxEntries: 20000, maxTotalBytes: 1024 * 1024 * 1024, maxRatio: 200 };

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** Unix mode from the external attributes, when the entry was made on Unix. */
  unixMode?: number;
  isDirectory: boolean;
  isSymlink: boolean;
  localOffset: number;
}

export class ZipRefused extends Error {
  constructor(public code: 'not-a-zip' | 'zip-slip' | 'symlink' | 'bomb' | 'unsupported' | 'corrupt', message: string, public entry?: string) {
    super(message);
  }
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

/** Why a path is unsafe to extract, or undefined when it is safe. */
export function unsafePath(name: string): string | undefined {
  if (name.includes('\0')) return 'contains a NUL character';
  if (name.startsWith('/') || name.startsWith('\\')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  if (name.split(/[\\/]/).some((s) => s === '..')) return 'climbs out of the package with ".."';
  return undefined;
}

/** The central directory's entries, checked against the limits. Throws ZipRefused. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): ZipEntry[] {
  if (bytes.length < 22) throw new ZipRefused('not-a-zip', 'This is not a zip archive: the file is too short to be one.');
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 65535); o--) {
    if (u32(bytes, o) === 0x06054b50) { eocd = o; break; }
  }
  if (eocd < 0) throw new ZipRefused('not-a-zip', 'No zip end-of-directory record: this is not a zip archive, or it is truncated.');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipRefused('unsupported', 'ZIP64 archives are not supported; no LMS package needs one.');
  if (count > limits.maxEntries) throw new ZipRefused('bomb', `The archive declares ${count} entries, more than the limit of ${limits.maxEntries}: refused as a possible zip bomb.`);
  if (cdOffset + cdSize > bytes.length) throw new ZipRefused('corrupt', 'The zip central directory points past the end of the file.');
  const entries: ZipEntry[] = [];
  let o = cdOffset;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== 0x02014b50) throw new ZipRefused('corrupt', `Zip central directory entry ${n + 1} is damaged.`);
    const madeBy = u16(bytes, o + 4) >> 8;
    const flags = u16(bytes, o + 8);
    const method = u16(bytes, o + 10);
    const crc = u32(bytes, o + 16);
    const compressedSize = u32(bytes, o + 20);
    const size = u32(bytes, o + 24);
    const nameLen = u16(bytes, o + 28), extraLen = u16(bytes, o + 30), commentLen = u16(bytes, o + 32);
    const external = u32(bytes, o + 38);
    const localOffset = u32(bytes, o + 42);
    const raw = bytes.subarray(o + 46, o + 46 + nameLen);
    const name = flags & 0x800 ? new TextDecoder().decode(raw) : new TextDecoder('latin1').decode(raw);
    o += 46 + nameLen + extraLen + commentLen;
    const why = unsafePath(name);
    if (why) throw new ZipRefused('zip-slip', `Entry "${name}" ${why}: extracting it would write outside the package folder (zip-slip). Refused.`, name);
    const unixMode = madeBy === 3 ? external >>> 16 : undefined;
    const isSymlink = unixMode !== undefined && (unixMode & 0o170000) === 0o120000;
    if (isSymlink) throw new ZipRefused('symlink', `Entry "${name}" is a symbolic link; a package must not contain links, which can point outside it. Refused.`, name);
    if (flags & 1) throw new ZipRefused('unsupported', `Entry "${name}" is encrypted; an LMS cannot read it.`, name);
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw new ZipRefused('unsupported', 'ZIP64 archives are not supported; no LMS package needs one.', name);
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipRefused('bomb', `The archive would unpack to more than ${Math.round(limits.maxTotalBytes / 1048576)} MiB: refused as a possible zip bomb.`, name);
    if (size > 1048576 && size / Math.max(1, compressedSize) > limits.maxRatio) throw new ZipRefused('bomb', `Entry "${name}" expands ${Math.round(size / Math.max(1, compressedSize))} times (${size} bytes from ${compressedSize}): refused as a possible zip bomb.`, name);
    const isDirectory = name.endsWith('/');
    entries.push({ name, method, compressedSize, size, crc, ...(unixMode !== undefined ? { unixMode } : {}), isDirectory, isSymlink, localOffset });
  }
  return entries;
}

let crcTable: Uint32Array | undefined;
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Inflates every file entry into memory (after readZipDirectory's checks). Throws ZipRefused. */
export function readZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): { entries: ZipEntry[]; files: Map<string, Uint8Array> } {
  const entries = readZipDirectory(bytes, limits);
  const files = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (e.isDirectory) continue;
    const o = e.localOffset;
    if (o + 30 > bytes.length || u32(bytes, o) !== 0x04034b50) throw new ZipRefused('corrupt', `The local header of "${e.name}" is missing or damaged.`, e.name);
    const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (data.length !== e.compressedSize) throw new ZipRefused('corrupt', `"${e.name}" is cut short.`, e.name);
    let out: Uint8Array;
    if (e.method === 0) out = data.slice();
    else if (e.method === 8) {
      try {
        // A buffer of the declared size: a lying entry cannot grow past it.
        out = inflateSync(data, { out: new Uint8Array(e.size) });
      } catch {
        throw new ZipRefused('corrupt', `"${e.name}" could not be decompressed.`, e.name);
      }
    } else throw new ZipRefused('unsupported', `"${e.name}" uses compression method ${e.method}; LMSs read only stored and deflated entries.`, e.name);
    if (out.length !== e.size || crc32(out) !== e.crc) throw new ZipRefused('corrupt', `"${e.name}" fails its checksum: the archive is damaged, or the entry is larger than it declares.`, e.name);
    files.set(e.name, out);
  }
  return { entries, files };
}
