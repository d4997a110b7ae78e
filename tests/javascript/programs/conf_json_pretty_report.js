const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const byDept = {};
for (const e of data.employees) (byDept[e.dept] ||= []).push(e);
const report = Object.entries(byDept).sort(([a], [b]) => a.localeCompare(b)).map(([dept, es]) => ({dept, count: es.length, avg: +(es.reduce((s, e) => s + e.salary, 0) / es.length).toFixed(2), top: es.sort((a, b) => b.salary - a.salary)[0].name}));
console.log(JSON.stringify(report, null, 2));
console.log(report);
console.table(report);
for (const r of report) console.log(`${r.dept.padEnd(12, '.')}${String(r.count).padStart(3)} ${r.avg.toFixed(1).padStart(10)} ${r.top}`);
