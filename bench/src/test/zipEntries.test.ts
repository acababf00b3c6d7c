import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zipEntries } from '../measure/zipEntries';

/** A zip archive whose entries are stored uncompressed, written by hand. */
function storedZip(files: Record<string, string>, comment = ''): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([...locals, directoryBytes, end, Buffer.from(comment)]);
}

describe('zipEntries', () => {
  it('lists every entry with its sizes', () => {
    const archive = storedZip({
      'extension/package.json': '{}',
      'extension/dist/server.js': 'x'.repeat(100),
    });
    assert.deepEqual(zipEntries(archive), [
      { name: 'extension/package.json', compressedBytes: 2, uncompressedBytes: 2 },
      { name: 'extension/dist/server.js', compressedBytes: 100, uncompressedBytes: 100 },
    ]);
  });

  it('finds the directory behind an archive comment', () => {
    const archive = storedZip({ 'a.txt': 'a' }, 'made by hand');
    assert.equal(zipEntries(archive)[0]?.name, 'a.txt');
  });

  it('yields nothing for what is not a zip archive', () => {
    assert.deepEqual(zipEntries(Buffer.from('not a zip archive at all, just some text')), []);
    assert.deepEqual(zipEntries(Buffer.alloc(0)), []);
  });
});
