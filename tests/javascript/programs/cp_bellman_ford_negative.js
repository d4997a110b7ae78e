const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const [n, m] = lines[0].split(' ').map(Number);
const edges = lines.slice(1, m + 1).map((l) => l.split(' ').map(Number));
const dist = Array(n).fill(Infinity); dist[0] = 0;
for (let i = 0; i < n - 1; i++) for (const [u, v, w] of edges) if (dist[u] + w < dist[v]) dist[v] = dist[u] + w;
const negCycle = edges.some(([u, v, w]) => dist[u] + w < dist[v]);
console.log(negCycle ? 'negative cycle' : dist.map((d) => (d === Infinity ? 'INF' : d)).join(' '));
