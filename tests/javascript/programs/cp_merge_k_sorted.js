const lists = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((l) => l.split(' ').map(Number));
const idx = lists.map(() => 0);
const out = [];
for (;;) {
  let best = -1;
  for (let i = 0; i < lists.length; i++) if (idx[i] < lists[i].length && (best < 0 || lists[i][idx[i]] < lists[best][idx[best]])) best = i;
  if (best < 0) break;
  out.push(lists[best][idx[best]++]);
}
console.log(out.join(' '));
console.log('median:', out.length % 2 ? out[out.length >> 1] : (out[out.length / 2 - 1] + out[out.length / 2]) / 2);
