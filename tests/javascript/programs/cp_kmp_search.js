const [text, pat] = require('fs').readFileSync(0, 'utf8').split('\n');
const fail = new Array(pat.length).fill(0);
for (let i = 1, k = 0; i < pat.length; i++) {
  while (k && pat[i] !== pat[k]) k = fail[k - 1];
  if (pat[i] === pat[k]) k++;
  fail[i] = k;
}
const hits = [];
for (let i = 0, k = 0; i < text.length; i++) {
  while (k && text[i] !== pat[k]) k = fail[k - 1];
  if (text[i] === pat[k]) k++;
  if (k === pat.length) { hits.push(i - k + 1); k = fail[k - 1]; }
}
console.log(hits.length, hits.join(' '), fail.join(''));
