const [lo, hi] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);
// numbers in [lo, hi] whose digit sum is divisible by 7
function countUpTo(x) {
  if (x < 0) return 0;
  const digits = String(x).split('').map(Number);
  const memo = new Map();
  const go = (pos, sum, tight) => {
    if (pos === digits.length) return sum % 7 === 0 ? 1 : 0;
    const key = `${pos}|${sum}|${tight}`;
    if (!tight && memo.has(key)) return memo.get(key);
    let total = 0;
    const limit = tight ? digits[pos] : 9;
    for (let d = 0; d <= limit; d++) total += go(pos + 1, (sum + d) % 7, tight && d === limit);
    if (!tight) memo.set(key, total);
    return total;
  };
  return go(0, 0, true);
}
console.log(countUpTo(hi) - countUpTo(lo - 1));
