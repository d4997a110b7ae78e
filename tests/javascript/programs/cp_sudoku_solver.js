const grid = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((r) => r.split('').map(Number));
function ok(r, c, v) {
  for (let i = 0; i < 9; i++) if (grid[r][i] === v || grid[i][c] === v) return false;
  const br = r - (r % 3), bc = c - (c % 3);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (grid[br + i][bc + j] === v) return false;
  return true;
}
function solve() {
  for (let r = 0; r < 9; r++) for (let c = 0; c < 9; c++) {
    if (grid[r][c]) continue;
    for (let v = 1; v <= 9; v++) if (ok(r, c, v)) { grid[r][c] = v; if (solve()) return true; grid[r][c] = 0; }
    return false;
  }
  return true;
}
console.log(solve() ? grid.map((r) => r.join('')).join('\n') : 'no solution');
