const n = Number(require('fs').readFileSync(0, 'utf8'));
const rules = [[3, 'Fizz'], [5, 'Buzz'], [7, 'Bazz']];
const out = [];
for (let i = 1; i <= n; i++) out.push(rules.reduce((s, [d, w]) => (i % d ? s : s + w), '') || i);
console.log(out.join(' '));
console.log(Array.from({ length: 15 }, (_, i) => ((i + 1) % 15 === 0 ? 'FizzBuzz' : (i + 1) % 3 === 0 ? 'Fizz' : (i + 1) % 5 === 0 ? 'Buzz' : i + 1)).join(','));
