const hex = require('fs').readFileSync(0, 'utf8').trim().replace(/\s+/g, '');
const buf = Buffer.from(hex, 'hex');
let off = 0;
const magic = buf.toString('ascii', off, off + 4); off += 4;
const version = buf.readUInt8(off); off += 1;
const count = buf.readUInt16BE(off); off += 2;
const records = [];
for (let i = 0; i < count; i++) {
  const len = buf.readUInt8(off); off += 1;
  records.push(buf.toString('utf8', off, off + len)); off += len;
}
const checksum = buf.readUInt32LE(off);
console.log({ magic, version, count, records, checksum });
const out = Buffer.alloc(6);
out.write('OK', 0);
out.fill(0x21, 2);
console.log(out, out.toString(), Buffer.byteLength('héllo'), Buffer.concat([out, Buffer.from([10])]).length);
