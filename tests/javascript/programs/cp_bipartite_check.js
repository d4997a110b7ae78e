const input = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const [n, m] = input[0].split(' ').map(Number);
const adj = Array.from({ length: n + 1 }, () => []);
input.slice(1, m + 1).forEach((l) => { const [a, b] = l.split(' ').map(Number); adj[a].push(b); adj[b].push(a); });
const side = new Array(n + 1).fill(-1);
let ok = true;
for (let s = 1; s <= n && ok; s++) {
  if (side[s] !== -1) continue;
  side[s] = 0;
  const q = [s];
  while (q.length && ok) {
    const u = q.shift();
    for (const v of adj[u]) {
      if (side[v] === -1) { side[v] = 1 - side[u]; q.push(v); } else if (side[v] === side[u]) ok = false;
    }
  }
}
console.log(ok ? `YES ${side.slice(1).map((x) => x + 1).join(' ')}` : 'NO');
