const rows = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const n = Number(rows[0]);
const d = rows.slice(1).map((r) => r.split(' ').map((x) => (x === 'x' ? Infinity : Number(x))));
for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
for (const r of d) console.log(r.map((x) => (x === Infinity ? 'x' : x).toString().padStart(3)).join(''));
