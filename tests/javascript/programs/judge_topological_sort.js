const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const [n, m] = lines[0].split(' ').map(Number);
const adj = Array.from({ length: n }, () => []);
const indeg = new Array(n).fill(0);
for (let i = 1; i <= m; i++) { const [u, v] = lines[i].split(' ').map(Number); adj[u].push(v); indeg[v]++; }
const order = [];
const ready = [];
for (let i = 0; i < n; i++) if (indeg[i] === 0) ready.push(i);
while (ready.length) {
  ready.sort((a, b) => b - a);
  const u = ready.pop();
  order.push(u);
  for (const v of adj[u]) if (--indeg[v] === 0) ready.push(v);
}
console.log(order.length === n ? order.join(' ') : 'CYCLE');
