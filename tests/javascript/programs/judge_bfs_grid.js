const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const [h, w] = lines[0].split(' ').map(Number);
const grid = lines.slice(1, h + 1);
let start, end;
for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) {
  if (grid[r][c] === 'S') start = [r, c];
  if (grid[r][c] === 'E') end = [r, c];
}
const dist = Array.from({ length: h }, () => new Array(w).fill(-1));
const queue = [start];
dist[start[0]][start[1]] = 0;
for (let qi = 0; qi < queue.length; qi++) {
  const [r, c] = queue[qi];
  for (const [dr, dc] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
    const nr = r + dr, nc = c + dc;
    if (nr < 0 || nc < 0 || nr >= h || nc >= w || grid[nr][nc] === '#' || dist[nr][nc] !== -1) continue;
    dist[nr][nc] = dist[r][c] + 1;
    queue.push([nr, nc]);
  }
}
console.log(dist[end[0]][end[1]]);
