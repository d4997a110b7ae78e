const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split('\n').map(BigInt);
console.log(a + b, a * b, a / b, a % b, a ** 3n, -a / b, -a % b);
console.log(typeof a, a > b, a === BigInt(String(a)), BigInt.asUintN(64, -1n), BigInt.asIntN(8, 255n));
const isqrt = (n) => { if (n < 2n) return n; let x = n, y = (x + 1n) / 2n; while (y < x) { x = y; y = (x + n / x) / 2n; } return x; };
console.log(isqrt(a * a + 5n) === a, isqrt(10n ** 40n));
console.log((2n ** 100n).toString(16), BigInt('0xff'), 5n << 70n, (1n << 64n) - 1n, [3n, 1n, 2n].sort((x, y) => (x < y ? -1 : 1)));
console.log([1n, 2n], { v: 10n }, `${a}`.length, Number(b) + 0.5);
try { console.log(a + 1); } catch (e) { console.log(e.constructor.name, e.message); }
