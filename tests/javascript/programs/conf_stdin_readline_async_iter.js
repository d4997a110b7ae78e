const rl = require('readline').createInterface({input: process.stdin});
(async () => {
  const lines = [];
  for await (const line of rl) lines.push(line);
  const t = +lines[0];
  for (let i = 1; i <= t; i++) {
    const [a, b] = lines[i].split(' ').map(BigInt);
    console.log(`Case #${i}: ${a + b} ${a * b}`);
  }
})();
