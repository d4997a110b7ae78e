const rows = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((l) => l.split('|'));
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const sep = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+';
console.log(sep);
rows.forEach((r, idx) => {
  console.log('| ' + r.map((c, i) => (isNaN(c) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |');
  if (idx === 0) console.log(sep);
});
console.log(sep);
const n = 1234567.891;
console.log(n.toFixed(2), n.toPrecision(4), n.toExponential(3), (0.000123).toExponential(), (255).toString(16).padStart(4, '0'));
console.log((1.005).toFixed(2), (-1.5).toFixed(0), (2.5).toFixed(0), (1e21).toFixed(2), (0).toFixed(3), Number('12px'), parseFloat('12.5px'));
console.log(`${'left'.padEnd(10, '*')}|${'right'.padStart(10, '*')}|`, 'abc'.at(-1), ' trim me  '.trim() + '!', 'Title Case'.toLowerCase());
console.log(String(123).split('').reverse().join(''), 'a-b-c'.split('-', 2), 'repeat'.repeat(2), 'hello world'.replace(/\b\w/g, (c) => c.toUpperCase()));
