const n = Number(require('fs').readFileSync(0, 'utf8'));
const out = [];
for (let i = 1; i <= n; i++) out.push(i % 15 === 0 ? 'FizzBuzz' : i % 3 === 0 ? 'Fizz' : i % 5 === 0 ? 'Buzz' : String(i));
process.stdout.write(out.join('\n'));
process.stdout.write('\n');
process.stdout.write(`${out.filter((x) => x.includes('Fizz')).length} fizzes\n`, 'utf8');
console.error('this goes to stderr');
