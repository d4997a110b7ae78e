const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
function parseRecord(line, i) {
  const [id, value] = line.split('=');
  if (value === undefined) throw new SyntaxError(`line ${i + 1}: missing '='`);
  return { id, value: Number(value) };
}
for (const [i, l] of lines.entries()) {
  const r = parseRecord(l, i);
  console.log(r.id, r.value * 2);
}
console.log('unreachable');
