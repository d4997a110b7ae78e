const fs = require('node:fs');
const { createInterface } = require('node:readline');
const input = fs.readFileSync(0, { encoding: 'utf8' });
const words = input.split(/\s+/).filter(Boolean);
console.log(words.length, typeof createInterface);
const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
console.log(longest, longest.length);
process.stdout.write(words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') + '\n');
