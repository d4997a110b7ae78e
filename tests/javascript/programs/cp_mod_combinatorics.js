const MOD = 1000000007n;
const [n, k] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(BigInt);
const fact = [1n];
for (let i = 1n; i <= n; i++) fact.push((fact[fact.length - 1] * i) % MOD);
const pow = (b, e) => { let r = 1n; b %= MOD; while (e) { if (e & 1n) r = (r * b) % MOD; b = (b * b) % MOD; e >>= 1n; } return r; };
const C = (a, b) => (b < 0n || b > a ? 0n : (((fact[a] * pow(fact[b], MOD - 2n)) % MOD) * pow(fact[a - b], MOD - 2n)) % MOD);
console.log(`C(${n},${k}) = ${C(n, k)}`);
console.log(`Catalan(20) = ${(C(40n, 20n) * pow(21n, MOD - 2n)) % MOD}`);
