// Damage on disk as an attack pass found it, for tests of how the server copes with a damaged index.
import fs from 'node:fs';

/** Overwrites the b-tree page header of every third page past the first few of an SQLite file (the schema stays readable). */
export function damageDatabasePages(file: string): void {
  const data = fs.readFileSync(file);
  const pageSize = data.readUInt16BE(16) === 1 ? 65536 : data.readUInt16BE(16);
  for (let page = 4; page * pageSize < data.length; page += 3) data.fill(0x5a, page * pageSize, page * pageSize + 12);
  fs.writeFileSync(file, data);
}
