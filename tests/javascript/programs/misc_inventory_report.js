const items = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const fmt = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const byCat = new Map();
for (const it of items) byCat.set(it.cat, [...(byCat.get(it.cat) || []), it]);
for (const [cat, list] of [...byCat].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`== ${cat.toUpperCase()} (${list.length}) ==`);
  for (const { name, price, qty } of list.sort((a, b) => b.price * b.qty - a.price * a.qty)) {
    console.log(`  ${name.padEnd(10)} ${String(qty).padStart(4)} x ${fmt.format(price).padStart(9)} = ${fmt.format(price * qty).padStart(10)}`);
  }
}
const total = items.reduce((s, i) => s + i.price * i.qty, 0);
console.log(`TOTAL ${fmt.format(total)}; low stock: ${items.filter((i) => i.qty < 5).map((i) => i.name).join(', ') || 'none'}`);
