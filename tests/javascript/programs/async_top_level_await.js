import fs from 'fs';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const input = fs.readFileSync(0, 'utf8').trim().split('\n');
const results = [];
for (const line of input) {
  await sleep(1);
  results.push(line.split(',').map(Number).reduce((a, b) => a + b, 0));
}
console.log(results);
const [a, b] = await Promise.all([sleep(2).then(() => 'a'), Promise.resolve('b')]);
console.log(a + b);
