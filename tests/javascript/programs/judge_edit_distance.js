const [s, t] = require('fs').readFileSync(0, 'utf8').split('\n');
const dp = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array(t.length).fill(0)]);
for (let j = 0; j <= t.length; j++) dp[0][j] = j;
for (let i = 1; i <= s.length; i++)
  for (let j = 1; j <= t.length; j++)
    dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
console.log(dp[s.length][t.length]);
