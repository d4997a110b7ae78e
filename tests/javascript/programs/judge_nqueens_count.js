const n = parseInt(require('fs').readFileSync(0, 'utf8'), 10);
let count = 0;
const first = [];
function solve(row, cols, d1, d2, placed) {
  if (row === n) { count++; if (!first.length) first.push(...placed); return; }
  let avail = ~(cols | d1 | d2) & ((1 << n) - 1);
  while (avail) {
    const bit = avail & -avail;
    avail -= bit;
    placed.push(31 - Math.clz32(bit));
    solve(row + 1, cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1, placed);
    placed.pop();
  }
}
solve(0, 0, 0, 0, []);
console.log(count);
for (const c of first) console.log('.'.repeat(c) + 'Q' + '.'.repeat(n - c - 1));
