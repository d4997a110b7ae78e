const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const gens = Number(lines[0]);
let g = lines.slice(1).map((r) => [...r].map((c) => c === '#'));
const H = g.length, W = g[0].length;
for (let t = 0; t < gens; t++) {
  g = g.map((row, r) => row.map((alive, c) => {
    let n = 0;
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) if ((dr || dc) && g[(r + dr + H) % H][(c + dc + W) % W]) n++;
    return alive ? n === 2 || n === 3 : n === 3;
  }));
}
console.log(g.map((r) => r.map((a) => (a ? '#' : '.')).join('')).join('\n'));
