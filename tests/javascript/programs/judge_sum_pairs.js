const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const t = Number(lines[0]);
const out = [];
for (let i = 1; i <= t; i++) {
  const [a, b] = lines[i].split(' ').map(Number);
  out.push(a + b);
}
console.log(out.join('\n'));
