const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const [n, k] = lines[0].split(' ').map(Number);
const a = lines[1].split(' ').map(Number).sort((x, y) => x - y);
let i = 0, j = n - 1, pairs = 0;
while (i < j) {
  if (a[i] + a[j] <= k) { pairs += j - i; i++; } else j--;
}
console.log(pairs);
