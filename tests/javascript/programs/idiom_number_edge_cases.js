const nums = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/);
for (const s of nums) {
  const n = Number(s);
  console.log(s, n, Number.isInteger(n), Number.isSafeInteger(n), parseInt(s), Math.round(n), Math.trunc(n), Math.sign(n));
}
console.log(0.1 + 0.2 === 0.3, Math.abs(0.1 + 0.2 - 0.3) < Number.EPSILON, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE);
console.log(1 / 0, -1 / 0, 0 / 0, typeof NaN, [NaN].includes(NaN), [NaN].indexOf(NaN), Object.is(-0, 0));
console.log(5 % 3, -5 % 3, 5.5 % 2, 2 ** -1, 7 / 2 | 0, ~~-3.7, -7 >> 1, -7 >>> 28, 1 << 31);
console.log(Math.max(), Math.min(), Math.hypot(3, 4), Math.cbrt(27), Math.log2(1024), Math.fround(5.5), Math.clz32(1));
console.log((123.456).toLocaleString('en-US'), (0.5).toString(2), parseInt('0x1F'), parseInt('101', 2), Number('0b101'), Number(''), Number(' 42 '));
