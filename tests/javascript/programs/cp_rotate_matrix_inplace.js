const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const m = lines.map((l) => l.split(' ').map(Number));
const n = m.length;
for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) [m[i][j], m[j][i]] = [m[j][i], m[i][j]];
m.forEach((row) => row.reverse());
console.log(m.map((r) => r.join(' ')).join('\n'));
console.log(JSON.stringify(m));
