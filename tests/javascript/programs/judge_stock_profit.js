const prices = require('fs').readFileSync(0, 'utf8').trim().split(/[\s,]+/).map(Number);
let minSoFar = Infinity, best = 0, buy = -1, sell = -1, minIdx = -1;
prices.forEach((p, i) => {
  if (p < minSoFar) { minSoFar = p; minIdx = i; }
  if (p - minSoFar > best) { best = p - minSoFar; buy = minIdx; sell = i; }
});
console.log(`profit ${best} (buy day ${buy + 1}, sell day ${sell + 1})`);
