const s = require('fs').readFileSync(0, 'utf8').trim();
const out = s.replace(/(.)\1*/g, (m, ch) => ch + (m.length > 1 ? m.length : ''));
console.log(out.length < s.length ? out : s);
const decoded = out.replace(/(\D)(\d*)/g, (_, ch, n) => ch.repeat(n ? +n : 1));
console.log(decoded === s);
