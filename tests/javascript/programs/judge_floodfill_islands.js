const grid = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((r) => r.split(''));
const H = grid.length, W = grid[0].length;
const sizes = [];
function fill(r, c) {
  const stack = [[r, c]]; let size = 0; grid[r][c] = '.';
  while (stack.length) {
    const [y, x] = stack.pop(); size++;
    for (const [dy, dx] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const ny = y + dy, nx = x + dx;
      if (ny >= 0 && ny < H && nx >= 0 && nx < W && grid[ny][nx] === '#') { grid[ny][nx] = '.'; stack.push([ny, nx]); }
    }
  }
  return size;
}
for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) if (grid[r][c] === '#') sizes.push(fill(r, c));
console.log(sizes.length, Math.max(...sizes), sizes.sort((a, b) => a - b).join(','));
