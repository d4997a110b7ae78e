const [start, end, dictLine] = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const dict = new Set(dictLine.split(' '));
const prev = new Map([[start, null]]);
const q = [start];
while (q.length) {
  const w = q.shift();
  if (w === end) break;
  for (let i = 0; i < w.length; i++) for (let c = 97; c <= 122; c++) {
    const nw = w.slice(0, i) + String.fromCharCode(c) + w.slice(i + 1);
    if (dict.has(nw) && !prev.has(nw)) { prev.set(nw, w); q.push(nw); }
  }
}
if (!prev.has(end)) console.log('no path');
else { const path = []; for (let w = end; w; w = prev.get(w)) path.unshift(w); console.log(path.length, path.join(' -> ')); }
