const log = require('fs').readFileSync(0, 'utf8');
const re = /^(?<date>\d{4}-\d{2}-\d{2}) (?<time>\d{2}:\d{2}:\d{2}) \[(?<level>[A-Z]+)\] (?<msg>.*)$/gm;
const byLevel = {};
for (const m of log.matchAll(re)) {
  const { level, msg, time } = m.groups;
  (byLevel[level] ||= []).push(`${time} ${msg}`);
}
for (const level of Object.keys(byLevel).sort()) console.log(level, byLevel[level]);
console.log(log.replace(/(\d{4})-(\d{2})-(\d{2})/g, '$3/$2/$1').split('\n')[0]);
console.log('a1b22c333'.replace(/\d+/g, (d) => `<${d.length}>`), 'x-y_z w'.split(/[-_ ]/));
const email = /^[\w.+-]+@[\w-]+\.[\w.]+$/;
console.log(['a@b.co', 'bad@', 'x.y+z@mail.example.org'].map((e) => email.test(e)));
const sticky = /foo/y; sticky.lastIndex = 3; console.log(sticky.test('barfoo'), sticky.lastIndex);
console.log('The year 1999 and 2024'.match(/\d{4}/g), /(\d+)-(\d+)/.exec('range 10-20').slice(1), 'aBc'.replace(/b/i, (m) => m.toUpperCase()));
console.log('2024-01-05'.replace(/(?<y>\d+)-(?<m>\d+)-(?<d>\d+)/, '$<d>.$<m>.$<y>'), /\p{L}+/u.exec('123 héllo')[0], 'a.b*c'.replaceAll('.', '!'));
