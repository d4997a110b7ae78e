const rl = require('readline').createInterface({ input: process.stdin, terminal: false });
let first = true;
rl.on('line', (line) => {
  if (first) { first = false; return; }
  const clean = line.toLowerCase().replace(/[^a-z0-9]/g, '');
  console.log(clean === [...clean].reverse().join('') ? 'YES' : 'NO');
});
