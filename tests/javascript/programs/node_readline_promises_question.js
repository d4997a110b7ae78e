const readline = require('readline/promises');
(async () => {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: false });
  const a = await rl.question('');
  const b = await rl.question('');
  console.log(`${a} + ${b} = ${Number(a) + Number(b)}`);
  rl.close();
})();
