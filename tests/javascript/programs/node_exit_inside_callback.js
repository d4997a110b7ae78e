const rl = require('readline').createInterface({ input: process.stdin });
let count = 0;
rl.on('line', (line) => {
  if (line === 'quit') { console.log(`quitting after ${count} lines`); process.exit(0); }
  count++;
  console.log(`${count}: ${line.split('').reverse().join('')}`);
});
rl.on('close', () => console.log('closed without quit'));
