const rl = require('readline').createInterface({ input: process.stdin });
const lines = [];
rl.on('line', (l) => lines.push(l)).on('close', () => {
  const [n, ...rest] = lines;
  const grid = rest.slice(0, Number(n)).map((r) => r.split(' ').map(Number));
  const rowSums = grid.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = grid[0].map((_, j) => grid.reduce((s, r) => s + r[j], 0));
  const diag = grid.reduce((s, r, i) => s + r[i], 0);
  console.log('rows', rowSums.join(' '));
  console.log('cols', colSums.join(' '));
  console.log('magic', new Set([...rowSums, ...colSums, diag]).size === 1);
});
