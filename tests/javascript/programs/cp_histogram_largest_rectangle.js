const h = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);
const st = [];
let best = 0;
for (let i = 0; i <= h.length; i++) {
  const cur = i === h.length ? 0 : h[i];
  while (st.length && h[st.at(-1)] >= cur) {
    const height = h[st.pop()];
    const width = st.length ? i - st.at(-1) - 1 : i;
    best = Math.max(best, height * width);
  }
  st.push(i);
}
console.log(best);
const maxH = Math.max(...h);
for (let y = maxH; y >= 1; y--) console.log(h.map((v) => (v >= y ? '█' : ' ')).join(''));
