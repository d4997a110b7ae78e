const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));
console.log(data);
console.log(data.users.map((u) => ({ ...u, tags: u.tags.length })));
console.log([1, 2, 3].map(String), [undefined, null], { nested: { deep: { deeper: { deepest: 1 } } } });
console.log(new Map(Object.entries(data.meta)), new Set(data.users.flatMap((u) => u.tags)));
console.log('%s has %d users (%i%%)', data.name, data.users.length, 42.9);
console.log(Array.from({ length: 30 }, (_, i) => i * 3));
console.log({ a: 'x'.repeat(30), b: 'y'.repeat(30), c: [1, 2, 3] });
console.log([['a', 1], ['b', 2]], [{}], [[]], -0, [-0], 1e21, 0.1 + 0.2);
