const data = require('fs').readFileSync('/dev/stdin', 'utf8').split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
const a = data.slice(1, n + 1);
let best = -Infinity, cur = 0;
for (const x of a) {
  cur = Math.max(x, cur + x);
  best = Math.max(best, cur);
}
console.log(best);
