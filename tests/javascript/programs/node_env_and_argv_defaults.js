const limit = Number(process.env.LIMIT || 3);
const verbose = process.argv.includes('--verbose');
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(Boolean);
console.log(`limit=${limit} verbose=${verbose} platform-known=${typeof process.platform === 'string'}`);
for (const l of lines.slice(0, limit)) console.log('-', l);
console.log(typeof process.env, process.env.HOME === undefined || typeof process.env.HOME === 'string');
