const steps = require('fs').readFileSync(0, 'utf8').trim().split(' ');
const step = (name) => new Promise((resolve, reject) => {
  setTimeout(() => (name.startsWith('!') ? reject(new Error(`step ${name.slice(1)} failed`)) : resolve(name.toUpperCase())), 1);
});
let chain = Promise.resolve([]);
for (const s of steps) chain = chain.then((acc) => step(s).then((v) => [...acc, v]).catch((e) => [...acc, `(${e.message})`]));
chain
  .then((all) => { console.log(all.join(' > ')); return Promise.reject(new TypeError('final')); })
  .catch((e) => console.log('caught', e.name, e.message))
  .finally(() => console.log('finally'));
