const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
for (const line of lines) {
  const b64 = btoa(unescape(encodeURIComponent(line)));
  const back = decodeURIComponent(escape(atob(b64)));
  console.log(b64, back === line);
}
const bufB64 = Buffer.from(lines[0]).toString('base64');
console.log(bufB64 === btoa(unescape(encodeURIComponent(lines[0]))), Buffer.from(bufB64, 'base64').toString());
console.log(atob('SGVsbG8gV29ybGQ='), btoa(String.fromCharCode(0, 255, 128)));
