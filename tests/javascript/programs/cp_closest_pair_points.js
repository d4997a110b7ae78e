const pts = require('fs').readFileSync(0, 'utf8').trim().split('\n').slice(1).map((l) => l.split(' ').map(Number));
let best = Infinity, pair = null;
pts.sort((a, b) => a[0] - b[0]);
for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length && pts[j][0] - pts[i][0] < best; j++) {
  const d = Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]);
  if (d < best) { best = d; pair = [pts[i], pts[j]]; }
}
console.log(best.toFixed(6), JSON.stringify(pair));
