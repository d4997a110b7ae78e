const money = (strings, ...vals) => strings.reduce((out, s, i) => out + s + (i < vals.length ? `$${Number(vals[i]).toFixed(2)}` : ''), '');
const [item, price, qty] = require('fs').readFileSync(0, 'utf8').trim().split(',');
console.log(money`${qty} x ${item}: ${price} each, total ${price * qty}`.replace(/\$(\d+)\.00 x/, '$1 x'));
const raw = String.raw`C:\new\table ${1 + 1}`;
console.log(raw, raw.length);
function tag(s, ...v) { return { strings: [...s], raw: s.raw, v }; }
console.log(tag`a${1}b${'two'}\n`);
const multi = `line one
  line two ${item.toUpperCase()}
line three`;
console.log(multi.split('\n').map((l) => l.trim()));
