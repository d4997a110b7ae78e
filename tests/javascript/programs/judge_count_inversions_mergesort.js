const a = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).slice(1).map(Number);
function sortCount(arr) {
  if (arr.length < 2) return [arr, 0];
  const mid = arr.length >> 1;
  const [l, x] = sortCount(arr.slice(0, mid));
  const [r, y] = sortCount(arr.slice(mid));
  const res = [];
  let i = 0, j = 0, inv = x + y;
  while (i < l.length && j < r.length) {
    if (l[i] <= r[j]) res.push(l[i++]);
    else { res.push(r[j++]); inv += l.length - i; }
  }
  return [res.concat(l.slice(i), r.slice(j)), inv];
}
const [sorted, inversions] = sortCount(a);
console.log(inversions);
console.log(sorted.join(' '));
