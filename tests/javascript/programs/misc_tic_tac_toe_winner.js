const boards = require('fs').readFileSync(0, 'utf8').trim().split('\n\n');
const lines = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [0, 3, 6], [1, 4, 7], [2, 5, 8], [0, 4, 8], [2, 4, 6]];
for (const b of boards) {
  const cells = b.replace(/\n/g, '').split('');
  const win = lines.find(([a, c, d]) => cells[a] !== '.' && cells[a] === cells[c] && cells[a] === cells[d]);
  console.log(win ? `${cells[win[0]]} wins on ${win.join('-')}` : cells.includes('.') ? 'in progress' : 'draw');
}
