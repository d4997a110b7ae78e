const readline = require('readline');
const rl = readline.createInterface({input: process.stdin, terminal: false});
let n = null; const arr = [];
rl.on('line', (line) => {
  if (n === null) { n = parseInt(line); return; }
  for (const t of line.split(' ')) if (t) arr.push(+t);
});
rl.on('close', () => {
  arr.sort((a, b) => a - b);
  let s = 0; for (const x of arr) s += x;
  const med = arr.length % 2 ? arr[arr.length >> 1] : (arr[arr.length / 2 - 1] + arr[arr.length / 2]) / 2;
  console.log(n, arr.length, s, arr[0], arr[arr.length - 1], med, (s / arr.length).toFixed(6));
  const out = []; for (let i = 0; i < arr.length; i += 997) out.push(arr[i]);
  console.log(out.join(' '));
});
