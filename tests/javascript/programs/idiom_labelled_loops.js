const grid = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((r) => r.split(' ').map(Number));
const target = grid.shift()[0];
let found = null;
outer: for (let i = 0; i < grid.length; i++) {
  for (let j = 0; j < grid[i].length; j++) {
    if (grid[i][j] < 0) continue outer;
    if (grid[i][j] === target) { found = [i, j]; break outer; }
  }
}
console.log(found ? `found ${target} at ${found}` : 'not found');
let count = 0;
rows: for (const row of grid) {
  for (const v of row) { if (v === 0) continue rows; count += v; }
}
console.log('sum until zeros:', count);
block: { if (count > 10) break block; console.log('not printed when count > 10'); }
let k = 0;
do { k++; if (k === 2) continue; } while (k < 5);
console.log(k);
