const fs = require('fs');
const data = fs.readFileSync('/dev/stdin', 'utf8');
const lines = data.split('\n').filter(Boolean);
console.log(lines.length, lines.map(l => l.split(' ').map(Number).reduce((a, b) => a + b, 0)));
