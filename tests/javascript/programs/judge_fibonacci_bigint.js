const n = Number(require('fs').readFileSync(0, 'utf8').trim());
let a = 0n, b = 1n;
for (let i = 0; i < n; i++) [a, b] = [b, a + b];
console.log(`F(${n}) = ${a}`);
console.log(`digits: ${a.toString().length}, mod 1e9+7: ${a % 1000000007n}`);
