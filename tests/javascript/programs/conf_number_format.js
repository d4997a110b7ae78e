const vals = [0, -0, 1, -1.5, 2.5, 3.14159, 0.1 + 0.2, 123.456, 1e21, 1.005, 1234.5678, 0.000001234, 5e-7, 1e-10, 99.995, 2 ** 53 + 1, -1e-7, 255];
for (const v of vals) {
  console.log(String(v), v.toFixed(2), v.toFixed(0), v.toPrecision(3), v.toExponential(2), v.toString(2).slice(0, 20), v.toString(16).slice(0, 15), Math.round(v), `${v}`);
}
console.log((25).toString(36), (0.5).toString(3), parseFloat('3.14abc'), Number('  12  '), Number(''), Number('0x10'), +[], +{}, +'1e3', Number.parseInt('08'), (1e21).toFixed(2), (-1.5).toFixed(0), (0.5).toFixed(0), (1.45).toFixed(1), (8.345).toFixed(2));
console.log(Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, Number.MAX_SAFE_INTEGER, 0.1 * 3, 1 / 0, -1 / 0, 0 / 0, 5 % -3, -5 % 3, 2 ** -1074, Math.fround(5.5), Math.fround(5.05));
console.log(Math.max(), Math.min(), Math.hypot(3, 4), Math.cbrt(27), Math.sign(-3), Math.trunc(-4.7), Math.log10(1000), Math.clz32(1), Math.imul(3, 4), Math.atan2(1, 1), Math.expm1(1e-10), Math.sinh(1));
console.log(123.456.toFixed(10), (1e-7).toFixed(10), (123456789).toExponential(), (0).toPrecision(1), (1e100).toPrecision(5), (12345.6789).toPrecision(2), (-0).toFixed(1));
console.log([10, 9, 1, 100, 25].sort(), [10, 9, 1, 100, 25].sort((a, b) => a - b), ['b', 'a', 'C', 'é', 'e'].sort(), ['b', 'a', 'C'].sort((a, b) => a.localeCompare(b)));
console.log((1234567.891).toLocaleString(), (0.5).toLocaleString('en-US', {style: 'percent'}), new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD'}).format(1234.5));
