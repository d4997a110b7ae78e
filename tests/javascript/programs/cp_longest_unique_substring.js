const s = require('fs').readFileSync(0, 'utf8').trim();
const last = new Map();
let start = 0, best = 0, bestStart = 0;
for (let i = 0; i < s.length; i++) {
  if (last.has(s[i]) && last.get(s[i]) >= start) start = last.get(s[i]) + 1;
  last.set(s[i], i);
  if (i - start + 1 > best) { best = i - start + 1; bestStart = start; }
}
console.log(best, s.slice(bestStart, bestStart + best));
