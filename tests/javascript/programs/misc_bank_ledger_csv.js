const [header, ...rows] = require('fs').readFileSync(0, 'utf8').trim().split(/\r?\n/);
const cols = header.split(',');
const txs = rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i], v])));
const balances = {};
for (const { date, account, amount, type } of txs) {
  const v = Math.round(parseFloat(amount) * 100) * (type === 'debit' ? -1 : 1);
  balances[account] = (balances[account] ?? 0) + v;
}
for (const [acct, cents] of Object.entries(balances).sort()) console.log(acct.padEnd(8), (cents / 100).toFixed(2).padStart(10));
const months = [...new Set(txs.map((t) => t.date.slice(0, 7)))].sort();
console.log(months.join(' | '));
