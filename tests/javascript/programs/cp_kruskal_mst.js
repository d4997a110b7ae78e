const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const [n] = lines[0].split(' ').map(Number);
const edges = lines.slice(1).map((l) => { const [u, v, w] = l.split(' '); return { u, v, w: Number(w) }; });
const parent = {};
const find = (x) => (parent[x] === undefined || parent[x] === x ? (parent[x] = x) : (parent[x] = find(parent[x])));
let total = 0;
const used = [];
for (const e of edges.sort((a, b) => a.w - b.w || a.u.localeCompare(b.u))) {
  const a = find(e.u), b = find(e.v);
  if (a !== b) { parent[a] = b; total += e.w; used.push(`${e.u}-${e.v}`); }
}
console.log(`MST weight ${total} using ${used.length}/${n - 1} edges: ${used.join(' ')}`);
