const [amount, ...coins] = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const ways = new Array(amount + 1).fill(0n);
ways[0] = 1n;
for (const c of coins) for (let v = c; v <= amount; v++) ways[v] += ways[v - c];
const minCoins = new Array(amount + 1).fill(Infinity);
minCoins[0] = 0;
for (let v = 1; v <= amount; v++) for (const c of coins) if (c <= v) minCoins[v] = Math.min(minCoins[v], minCoins[v - c] + 1);
console.log(ways[amount].toString(), minCoins[amount]);
