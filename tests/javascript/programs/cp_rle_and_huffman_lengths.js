const text = require('fs').readFileSync(0, 'utf8').trim();
const freq = {};
for (const c of text) freq[c] = (freq[c] || 0) + 1;
let nodes = Object.entries(freq).map(([ch, f]) => ({ ch, f }));
while (nodes.length > 1) {
  nodes.sort((a, b) => a.f - b.f || (a.ch ?? '~').localeCompare(b.ch ?? '~'));
  const [a, b] = nodes.splice(0, 2);
  nodes.push({ f: a.f + b.f, left: a, right: b });
}
const codes = {};
(function walk(n, code) {
  if (n.ch !== undefined) { codes[n.ch] = code || '0'; return; }
  walk(n.left, code + '0'); walk(n.right, code + '1');
})(nodes[0], '');
const bits = [...text].reduce((s, c) => s + codes[c].length, 0);
console.log(`${text.length * 8} bits -> ${bits} bits`);
for (const ch of Object.keys(codes).sort()) console.log(JSON.stringify(ch), freq[ch], codes[ch].length);
