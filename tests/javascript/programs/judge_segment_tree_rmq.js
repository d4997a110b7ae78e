const data = require('fs').readFileSync(0, 'utf8').split(/\s+/).filter(Boolean).map(Number);
let p = 0;
const n = data[p++];
let size = 1; while (size < n) size <<= 1;
const tree = new Array(2 * size).fill(Infinity);
for (let i = 0; i < n; i++) tree[size + i] = data[p++];
for (let i = size - 1; i > 0; i--) tree[i] = Math.min(tree[2 * i], tree[2 * i + 1]);
const q = data[p++];
const out = [];
for (let k = 0; k < q; k++) {
  const type = data[p++], a = data[p++], b = data[p++];
  if (type === 1) {
    let i = size + a; tree[i] = b;
    for (i >>= 1; i; i >>= 1) tree[i] = Math.min(tree[2 * i], tree[2 * i + 1]);
  } else {
    let lo = a + size, hi = b + size + 1, m = Infinity;
    while (lo < hi) {
      if (lo & 1) m = Math.min(m, tree[lo++]);
      if (hi & 1) m = Math.min(m, tree[--hi]);
      lo >>= 1; hi >>= 1;
    }
    out.push(m);
  }
}
console.log(out.join('\n'));
