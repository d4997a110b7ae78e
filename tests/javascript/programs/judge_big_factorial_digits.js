const n = Number(require('fs').readFileSync(0, 'utf8'));
let f = 1n;
for (let i = 2n; i <= BigInt(n); i++) f *= i;
const s = f.toString();
const digitSum = [...s].reduce((a, d) => a + Number(d), 0);
console.log(`${n}! has ${s.length} digits, digit sum ${digitSum}, trailing zeros ${s.length - s.replace(/0+$/, '').length}`);
