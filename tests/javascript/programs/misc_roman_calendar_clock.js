const times = require('fs').readFileSync(0, 'utf8').trim().split('\n');
for (const t of times) {
  const [h, m] = t.split(':').map(Number);
  const h12 = h % 12 || 12;
  const hourAngle = (h % 12) * 30 + m * 0.5;
  const minuteAngle = m * 6;
  let diff = Math.abs(hourAngle - minuteAngle);
  diff = Math.min(diff, 360 - diff);
  console.log(`${t} -> ${h12}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}, hands ${diff}°`);
}
