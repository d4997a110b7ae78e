const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const graphs = [];
let i = 0;
while (i < lines.length) {
  const [n, m] = lines[i++].split(' ').map(Number);
  const adj = Array.from({ length: n }, () => []);
  for (let k = 0; k < m; k++) { const [u, v] = lines[i++].split(' ').map(Number); adj[u].push(v); }
  graphs.push(adj);
}
for (const adj of graphs) {
  const color = new Array(adj.length).fill(0);
  const hasCycle = (u) => {
    color[u] = 1;
    for (const v of adj[u]) { if (color[v] === 1) return true; if (color[v] === 0 && hasCycle(v)) return true; }
    color[u] = 2;
    return false;
  };
  console.log(adj.some((_, u) => color[u] === 0 && hasCycle(u)) ? 'cycle' : 'acyclic');
}
