function parse(s) {
  try {
    const v = JSON.parse(s);
    if (typeof v !== 'object' || v === null) throw new TypeError(`expected object, got ${v === null ? 'null' : typeof v}`);
    return v;
  } catch (e) {
    return { error: e instanceof SyntaxError ? 'SyntaxError' : `${e.constructor.name}: ${e.message}` };
  } finally {
    parse.calls = (parse.calls || 0) + 1;
  }
}
for (const line of require('fs').readFileSync(0, 'utf8').split('\n').filter(Boolean)) console.log(parse(line));
console.log('calls', parse.calls);
function f() { try { return 'try'; } finally { console.log('finally runs'); } }
console.log(f());
try { null.x; } catch ({ name, message }) { console.log(name, '-', message); }
try { undefinedFunction(); } catch (e) { console.log(e.name, e.message); }
try { throw { custom: true }; } catch (e) { console.log(e); }
const err = new Error('outer', { cause: new Error('inner') });
console.log(err.cause.message, err instanceof Error, Object.prototype.toString.call(err));
class ValidationError extends Error { constructor(field) { super(`${field} is invalid`); this.name = 'ValidationError'; this.field = field; } }
try { throw new ValidationError('email'); } catch (e) { console.log(e.name, e.field, e.message, e instanceof ValidationError, String(e)); }
