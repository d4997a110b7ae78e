const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const MOD = 998244353n;
function modpow(b, e, m) { let r = 1n; b %= m; while (e > 0n) { if (e & 1n) r = r * b % m; b = b * b % m; e >>= 1n; } return r; }
for (const l of lines) {
  const [a, b] = l.split(' ').map(BigInt);
  console.log(String(a * b), (a ** 3n).toString(16), modpow(a, b, MOD), a / 7n, -a % 7n, BigInt.asUintN(64, -a), BigInt.asIntN(8, 255n), (a << 70n) >> 3n);
}
let f = 1n; for (let i = 1n; i <= 60n; i++) f *= i;
console.log(f, f.toString().length, typeof f, [f % 1000n], {f: 12n}, f.toLocaleString === undefined);
console.log(BigInt('0x1f'), BigInt('0b101'), BigInt(Number.MAX_SAFE_INTEGER) + 2n, Number(2n ** 64n), parseInt('123456789012345678901234567890'), 2n > 1, 2n == 2, [3n, 1n, 2n].sort());
console.log(JSON.stringify({n: Number(5n)}), (123n).toString(36), -(-5n), 0n === -0n);
