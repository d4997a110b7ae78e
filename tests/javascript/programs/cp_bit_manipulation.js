const nums = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);
const popcount = (x) => { let c = 0; while (x) { x &= x - 1; c++; } return c; };
for (const x of nums) {
  console.log(x, x.toString(2).padStart(16, '0'), popcount(x), (x & -x), (x & (x - 1)) === 0 ? 'pow2' : '', x ^ 0xffff, ~x);
}
console.log(nums.reduce((a, b) => a ^ b), (5 >>> 1), (-1 >>> 0).toString(16), 1 << 30, (1 << 31) >>> 0);
