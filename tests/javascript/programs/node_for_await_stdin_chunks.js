async function readAll() {
  let data = '';
  for await (const chunk of process.stdin) data += chunk;
  return data;
}
readAll().then((text) => {
  const rows = text.trim().split('\n').map((r) => r.split(',').map((c) => c.trim()));
  const header = rows.shift();
  const objs = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, isNaN(r[i]) ? r[i] : Number(r[i])])));
  console.log(objs);
  console.log(objs.reduce((s, o) => s + o.price * o.qty, 0).toFixed(2));
});
