/** The entries of a zip archive (a `.vsix` is one), read from its central directory. */

export interface ZipEntry {
  readonly name: string;
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** Lists the entries; an archive that cannot be read yields none. */
export function zipEntries(archive: Buffer): ZipEntry[] {
  // The end record is at least 22 bytes and ends with a comment of at most 65,535 bytes.
  let end = -1;
  for (let offset = archive.length - 22; offset >= Math.max(0, archive.length - 65_557); offset--) {
    if (archive.readUInt32LE(offset) === END_OF_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) return [];
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > archive.length || archive.readUInt32LE(offset) !== DIRECTORY_ENTRY) break;
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    entries.push({
      name: archive.toString('utf8', offset + 46, offset + 46 + nameLength),
      compressedBytes: archive.readUInt32LE(offset + 20),
      uncompressedBytes: archive.readUInt32LE(offset + 24),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
