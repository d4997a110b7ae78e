const nums = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).slice(1).map(Number);
const tails = [];
for (const x of nums) {
  let lo = 0, hi = tails.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (tails[m] < x) lo = m + 1; else hi = m; }
  tails[lo] = x;
}
console.log(tails.length);
