const readline = require('readline');
async function main() {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let total = 0;
  const names = [];
  for await (const line of rl) {
    if (!line.trim()) continue;
    const [name, score] = line.split(':');
    names.push(name.trim());
    total += Number(score);
  }
  console.log(`${names.length} players, total ${total}, mean ${(total / names.length).toFixed(3)}`);
  console.log(names.sort().join(', '));
}
main();
