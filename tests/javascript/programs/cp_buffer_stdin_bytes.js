const buf = require('fs').readFileSync(0);
console.log(buf.length, buf.toString().trim().length);
let upper = 0;
for (const b of buf) if (b >= 65 && b <= 90) upper++;
console.log('uppercase bytes:', upper);
console.log(buf.toString('hex').slice(0, 20), buf.toString('base64').slice(0, 16));
console.log(buf.slice(0, 5).toString(), Buffer.isBuffer(buf));
