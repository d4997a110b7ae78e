const jobs = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((l) => l.split(' ').map(Number)).sort((a, b) => a[1] - b[1]);
const dp = [0];
for (let i = 0; i < jobs.length; i++) {
  const [s, , w] = jobs[i];
  let lo = 0, hi = i;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (jobs[mid][1] <= s) lo = mid + 1; else hi = mid; }
  dp.push(Math.max(dp[i], dp[lo] + w));
}
console.log(dp.at(-1));
