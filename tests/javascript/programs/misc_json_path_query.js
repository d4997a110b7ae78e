const doc = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const get = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : Array.isArray(o) && k === '*' ? o : o[k]), obj);
const paths = ['store.name', 'store.books.0.title', 'store.books.1.price', 'store.missing.deep', 'store.books.length'];
for (const p of paths) console.log(p.padEnd(22), JSON.stringify(get(doc, p)));
const titles = doc.store.books.filter(({ price }) => price < 10).map(({ title }) => title);
console.log(titles, JSON.stringify(doc.store.books.map(({ title, ...rest }) => rest)));
function walk(o, prefix = '') { return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? walk(v, `${prefix}${k}.`) : [`${prefix}${k}=${v}`])); }
console.log(walk(doc).join('\n'));
