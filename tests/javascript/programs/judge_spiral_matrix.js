const n = +require('fs').readFileSync(0, 'utf8');
const m = Array.from({ length: n }, () => Array(n).fill(0));
let [r, c, dr, dc] = [0, 0, 0, 1];
for (let k = 1; k <= n * n; k++) {
  m[r][c] = k;
  const nr = r + dr, nc = c + dc;
  if (nr < 0 || nr >= n || nc < 0 || nc >= n || m[nr][nc]) [dr, dc] = [dc, -dr];
  r += dr; c += dc;
}
const width = String(n * n).length;
for (const row of m) console.log(row.map((x) => String(x).padStart(width, ' ')).join(' '));
