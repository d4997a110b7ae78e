const input = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const [n, q] = input[0].split(' ').map(Number);
const parent = Array.from({ length: n }, (_, i) => i);
const rank = new Array(n).fill(0);
const find = (x) => { while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; };
const out = [];
for (let i = 1; i <= q; i++) {
  const [op, a, b] = input[i].split(' ');
  const x = find(+a), y = find(+b);
  if (op === 'union') {
    if (x !== y) {
      if (rank[x] < rank[y]) parent[x] = y;
      else if (rank[x] > rank[y]) parent[y] = x;
      else { parent[y] = x; rank[x]++; }
    }
  } else out.push(x === y ? 'YES' : 'NO');
}
console.log(out.join('\n'));
