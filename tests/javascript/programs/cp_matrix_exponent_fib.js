const n = BigInt(require('fs').readFileSync(0, 'utf8').trim());
const MOD = 1000000007n;
const mul = (A, B) => [
  [(A[0][0] * B[0][0] + A[0][1] * B[1][0]) % MOD, (A[0][0] * B[0][1] + A[0][1] * B[1][1]) % MOD],
  [(A[1][0] * B[0][0] + A[1][1] * B[1][0]) % MOD, (A[1][0] * B[0][1] + A[1][1] * B[1][1]) % MOD],
];
let result = [[1n, 0n], [0n, 1n]], base = [[1n, 1n], [1n, 0n]], e = n;
while (e > 0n) { if (e & 1n) result = mul(result, base); base = mul(base, base); e >>= 1n; }
console.log(`F(${n}) mod 1e9+7 = ${result[0][1]}`);
