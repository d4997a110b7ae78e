const pairs = require('fs').readFileSync(0, 'utf8').trim().split('\n').map((l) => l.split('='));
const params = new URLSearchParams(pairs);
console.log(params.toString());
params.sort();
console.log(params.toString());
const q = new URLSearchParams('?tag=a&tag=b&name=J%C3%BCrgen&plus=1+2');
console.log(q.getAll('tag'), q.get('name'), q.get('plus'), q.has('missing'));
for (const [k, v] of q) console.log(`${k} -> ${v}`);
console.log(encodeURIComponent('a b&c=d/é'), decodeURIComponent('a%20b%26'));
