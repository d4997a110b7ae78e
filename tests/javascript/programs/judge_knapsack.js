const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const [n, cap] = lines[0].split(' ').map(Number);
const dp = new Array(cap + 1).fill(0);
for (let i = 1; i <= n; i++) {
  const [w, v] = lines[i].split(' ').map(Number);
  for (let c = cap; c >= w; c--) dp[c] = Math.max(dp[c], dp[c - w] + v);
}
console.log(dp[cap]);
