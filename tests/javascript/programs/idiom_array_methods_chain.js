const rows = require('fs').readFileSync(0, 'utf8').trim().split('\n').slice(1).map((l) => {
  const [name, dept, salary] = l.split(',');
  return { name, dept, salary: Number(salary) };
});
const byDept = rows.reduce((acc, r) => { (acc[r.dept] ??= []).push(r); return acc; }, {});
for (const [dept, people] of Object.entries(byDept).sort(([a], [b]) => a.localeCompare(b))) {
  const total = people.reduce((s, p) => s + p.salary, 0);
  console.log(`${dept.padEnd(12, '.')}${String(people.length).padStart(3)}${(total / people.length).toFixed(2).padStart(12)}`);
}
console.log(rows.some((r) => r.salary > 100000), rows.every((r) => r.salary > 0));
console.log(rows.find((r) => r.dept === 'ops')?.name, rows.findLast((r) => r.dept === 'eng').name, rows.findIndex((r) => r.name === 'zed'));
console.log(rows.map((r) => r.name).toSorted().join(' '), rows.map((r) => r.salary).toSorted((a, b) => b - a).slice(0, 3));
console.log([[1, [2]], [3, [4, [5]]]].flat(Infinity), rows.flatMap((r) => (r.salary > 90000 ? [r.name] : [])));
console.log(Array.from({ length: 5 }, (_, i) => i).fill(9, 2, 4), [3, 1, 2].includes(2), [1, 2, 3].at(-1), [5, 6].entries().next());
console.log(Object.fromEntries(rows.map((r) => [r.name, r.salary > 80000])));
