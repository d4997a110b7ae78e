const [first, second, third] = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const arr = second.split(' ').map(Number);
const queries = third.split(' ').map(Number);
function lowerBound(a, x) {
  let lo = 0, hi = a.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (a[mid] < x) lo = mid + 1; else hi = mid; }
  return lo;
}
console.log(queries.map((x) => lowerBound(arr, x)).join(' '));
