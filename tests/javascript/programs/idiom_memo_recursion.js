const memo = new Map();
function ways(n, k) {
  if (n === 0) return 1n;
  if (n < 0 || k === 0) return 0n;
  const key = `${n},${k}`;
  if (memo.has(key)) return memo.get(key);
  const r = ways(n - k, k) + ways(n, k - 1);
  memo.set(key, r);
  return r;
}
const ns = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);
for (const n of ns) console.log(`p(${n}) = ${ways(n, n)}`);
const ack = (m, n) => (m === 0 ? n + 1 : n === 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)));
console.log(ack(2, 3), memo.size > 0);
