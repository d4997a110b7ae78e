const rows = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
const n = rows[0][0];
const A = rows.slice(1, n + 1), B = rows.slice(n + 1, 2 * n + 1);
const C = A.map((row, i) => row.map((_, j) => row.reduce((s, _, k) => s + A[i][k] * B[k][j], 0)));
C.forEach((r) => console.log(r.map((x) => String(x).padStart(5)).join('')));
