const [widthLine, ...paras] = require('fs').readFileSync(0, 'utf8').split('\n');
const width = Number(widthLine);
function wrap(text) {
  const out = [];
  let line = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if ((line + ' ' + w).trim().length > width) { out.push(line); line = w; } else line = (line + ' ' + w).trim();
  }
  if (line) out.push(line);
  return out;
}
const lines = wrap(paras.join(' '));
for (const l of lines) console.log(`|${l.padEnd(width)}|`);
const justified = lines.map((l, i) => {
  if (i === lines.length - 1) return l;
  const ws = l.split(' ');
  if (ws.length === 1) return l;
  let gaps = width - ws.join('').length;
  return ws.reduce((s, w, j) => { if (j === 0) return w; const g = Math.ceil(gaps / (ws.length - j)); gaps -= g; return s + ' '.repeat(g) + w; }, '');
});
console.log(justified.join('\n'));
