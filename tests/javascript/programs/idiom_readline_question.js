const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: false });
rl.question('', (name) => {
  rl.question('', (age) => {
    console.log(`Hello ${name}, next year you will be ${Number(age) + 1}.`);
    rl.close();
  });
});
rl.on('close', () => console.log('bye'));
