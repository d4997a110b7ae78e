// The sandboxes prelude: evaluated once in every fresh V8 context, before any guest code.
//
// It installs the guest-visible runtime (console, print, readline, timers, queueMicrotask),
// hardens the global object (allowlist of globals; no shared memory, Atomics or WebAssembly
// unless the policy allows them), accounts ArrayBuffer backing stores against a budget, and
// returns the output buffer that the host reads directly (no JavaScript call is needed to read
// output, so nothing the guest overrides or schedules can subvert reading it).
//
// Everything here is strict mode: stack-trace CallSites of strict frames return undefined from
// getThis()/getFunction(), so Error.prepareStackTrace cannot reach these closures. Every
// built-in used after guest code starts is captured below and called through the captured
// Reflect.apply; internal arrays are filled with defineProperty (never [[Set]], which would run
// setters a guest put on Array.prototype); descriptors have a null prototype.
(function (TOKEN, SECRET, CONFIG) {
  'use strict';
  const G = globalThis;
  const R = Reflect;
  const apply = R.apply;
  const construct = R.construct;
  const defineProperty = R.defineProperty;
  const deleteProperty = R.deleteProperty;
  const ownKeys = R.ownKeys;
  const getPrototypeOf = R.getPrototypeOf;
  const getOwnPropertyDescriptor = R.getOwnPropertyDescriptor;
  const ObjectCtor = Object;
  const ObjectFreeze = Object.freeze;
  const ObjectIs = Object.is;
  const hasOwnProperty = Object.prototype.hasOwnProperty;
  const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;
  const ObjectToString = Object.prototype.toString;
  const FunctionToString = Function.prototype.toString;
  const StringCtor = String;
  const NumberCtor = Number;
  const MathFloor = Math.floor;
  const MathMin = Math.min;
  const MathMax = Math.max;
  const MathSqrt = Math.sqrt;
  const MathRound = Math.round;
  const MathTrunc = Math.trunc;
  const NumberIsNaN = Number.isNaN;
  const DateNow = Date.now;
  const DateToISOString = Date.prototype.toISOString;
  const DateGetTime = Date.prototype.getTime;
  const charCodeAt = String.prototype.charCodeAt;
  const StringSlice = String.prototype.slice;
  const StringIndexOf = String.prototype.indexOf;
  const StringRepeat = String.prototype.repeat;
  const StringPadStart = String.prototype.padStart;
  const StringPadEnd = String.prototype.padEnd;
  const StringSplit = String.prototype.split;
  const SymbolToString = Symbol.prototype.toString;
  const SymbolToStringTag = Symbol.toStringTag;
  const SymbolIterator = Symbol.iterator;
  const BigIntToString = BigInt.prototype.toString;
  const RegExpToString = RegExp.prototype.toString;
  const RegExpSource = getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
  const ArrayIsArray = Array.isArray;
  const ArrayFrom = Array.from;
  const MapCtor = Map;
  const MapGet = Map.prototype.get;
  const MapSet = Map.prototype.set;
  const MapHas = Map.prototype.has;
  const MapDelete = Map.prototype.delete;
  const MapForEach = Map.prototype.forEach;
  const MapSize = getOwnPropertyDescriptor(Map.prototype, 'size').get;
  const SetForEach = Set.prototype.forEach;
  const SetSize = getOwnPropertyDescriptor(Set.prototype, 'size').get;
  const JSONStringify = JSON.stringify;
  const PromiseThen = Promise.prototype.then;
  const ErrorCtor = Error;
  const TypeErrorCtor = TypeError;
  const RangeErrorCtor = RangeError;
  const FR = FinalizationRegistry;
  const FRRegister = FinalizationRegistry.prototype.register;
  const Uint16ArrayCtor = Uint16Array;
  const Int32ArrayCtor = Int32Array;
  const ArrayBufferCtor = ArrayBuffer;
  const ArrayBufferIsView = ArrayBuffer.isView;
  const TypedArray = getPrototypeOf(Uint8Array);
  const TALength = getOwnPropertyDescriptor(TypedArray.prototype, 'length').get;
  const TAByteLength = getOwnPropertyDescriptor(TypedArray.prototype, 'byteLength').get;
  const TABuffer = getOwnPropertyDescriptor(TypedArray.prototype, 'buffer').get;
  const TATag = getOwnPropertyDescriptor(TypedArray.prototype, SymbolToStringTag).get;
  const ABByteLength = getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
  const ErrorCaptureStackTrace = Error.captureStackTrace;

  const desc = (value) => ({ __proto__: null, value, writable: true, enumerable: true, configurable: true });
  const hidden = (value) => ({ __proto__: null, value, writable: true, enumerable: false, configurable: true });
  const push = (arr, v) => { defineProperty(arr, arr.length, desc(v)); };
  const hasOwn = (o, k) => apply(hasOwnProperty, o, [k]);

  // ------------------------------------------------------------------ output buffer
  // Header (Int32): 0 stdout code units, 1 stderr code units, 2 UTF-8 bytes written,
  // 3 flags (1 output limit, 2 uncaught asynchronous error, 4 an allocation refused for the
  // memory limit), 4 pending timers, 5 cap.
  const CAP = CONFIG.maxOutputBytes;
  const HEADER_BYTES = 32;
  const outBuffer = new ArrayBufferCtor(HEADER_BYTES + 4 * CAP);
  const header = new Int32ArrayCtor(outBuffer, 0, 8);
  const streams = [new Uint16ArrayCtor(outBuffer, HEADER_BYTES, CAP),
                   new Uint16ArrayCtor(outBuffer, HEADER_BYTES + 2 * CAP, CAP)];
  header[5] = CAP;
  const FLAG_OUTPUT = 1;
  const FLAG_UNCAUGHT = 2;
  const FLAG_BUDGET = 4;

  // A run may lower the cap below the buffer's size (a per-run max_output_bytes).
  let outCap = CAP;
  function outputLimitError() {
    return new RangeErrorCtor(`output limit of ${outCap} bytes exceeded`);
  }

  // Append a string to stream 0 (stdout) or 1 (stderr), counting UTF-8 bytes against CAP.
  function write(stream, s) {
    if (header[3] & FLAG_OUTPUT) throw outputLimitError();
    const buf = streams[stream];
    let pos = header[stream];
    let bytes = header[2];
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const c = apply(charCodeAt, s, [i]);
      let size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
        const d = apply(charCodeAt, s, [i + 1]);
        if (d >= 0xdc00 && d < 0xe000) size = 4;
      }
      if (bytes + size > outCap) {
        header[stream] = pos;
        header[2] = bytes;
        header[3] |= FLAG_OUTPUT;
        throw outputLimitError();
      }
      buf[pos++] = c;
      if (size === 4) buf[pos++] = apply(charCodeAt, s, [++i]);
      bytes += size;
    }
    header[stream] = pos;
    header[2] = bytes;
  }

  // ------------------------------------------------------------------ formatting (Node's util.inspect, common cases)
  const isIdentifier = (k) => {
    if (k.length === 0) return false;
    for (let i = 0; i < k.length; i++) {
      const c = apply(charCodeAt, k, [i]);
      const alpha = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95;
      if (!(alpha || (i > 0 && c >= 48 && c <= 57))) return false;
    }
    return true;
  };

  function quote(s) {
    let q = "'";
    if (apply(StringIndexOf, s, ["'"]) !== -1) {
      q = apply(StringIndexOf, s, ['"']) === -1 ? '"' : (apply(StringIndexOf, s, ['`']) === -1 ? '`' : "'");
    }
    let out = q;
    for (let i = 0; i < s.length; i++) {
      const c = apply(charCodeAt, s, [i]);
      const ch = s[i];
      if (ch === q || c === 92) out += '\\' + ch;
      else if (c === 10) out += '\\n';
      else if (c === 9) out += '\\t';
      else if (c === 13) out += '\\r';
      else if (c === 8) out += '\\b';
      else if (c === 12) out += '\\f';
      else if (c === 11) out += '\\v';
      else if (c < 0x20 || c === 0x7f) out += '\\x' + apply(StringPadStart, apply(NumberToString, c, [16]), [2, '0']);
      else out += ch;
    }
    return out + q;
  }
  const NumberToString = Number.prototype.toString;

  function formatNumber(n) {
    if (ObjectIs(n, -0)) return '-0';
    return '' + n;
  }

  function formatPrimitive(v, nested) {
    switch (typeof v) {
      case 'string': return nested ? quote(v) : v;
      case 'number': return formatNumber(v);
      case 'bigint': return apply(BigIntToString, v, []) + 'n';
      case 'boolean': return v ? 'true' : 'false';
      case 'undefined': return 'undefined';
      case 'symbol': return apply(SymbolToString, v, []);
    }
    return v === null ? 'null' : undefined;
  }

  function brand(fn, v) {
    try { apply(fn, v, []); return true; } catch { return false; }
  }

  function functionName(f) {
    let name;
    try { name = f.name; } catch { name = ''; }
    return typeof name === 'string' ? name : '';
  }

  function constructorName(o) {
    let proto = o;
    for (let depth = 0; depth < 100; depth++) {
      let p;
      try { p = getPrototypeOf(proto); } catch { return ''; }
      if (p === null && depth === 0) return null;
      if (depth > 0) {
        const d = getOwnPropertyDescriptor(proto, 'constructor');
        if (d !== undefined && hasOwn(d, 'value') && typeof d.value === 'function') {
          const n = functionName(d.value);
          if (n !== '') return n;
        }
      }
      if (p === null) return '';
      proto = p;
    }
    return '';
  }

  function isBelowBreakLength(output, start) {
    let total = output.length + start;
    for (let i = 0; i < output.length; i++) {
      total += output[i].length;
      if (total > 80) return false;
    }
    return true;
  }

  // Node prints long arrays of short items in aligned columns ("groupArrayElements").
  function groupArrayElements(output, value, indentation, hasMore) {
    let totalLength = 0;
    let maxLength = 0;
    const outputLength = hasMore ? output.length - 1 : output.length;
    const separatorSpace = 2;
    const dataLen = [];
    for (let i = 0; i < outputLength; i++) {
      const len = output[i].length;
      push(dataLen, len);
      totalLength += len + separatorSpace;
      if (maxLength < len) maxLength = len;
    }
    const actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + indentation < 80 && (totalLength / actualMax > 5 || maxLength <= 6)) {
      const averageBias = MathSqrt(actualMax - totalLength / output.length);
      const biasedMax = MathMax(actualMax - 3 - averageBias, 1);
      const columns = MathMin(
        MathRound(MathSqrt(2.5 * biasedMax * outputLength) / biasedMax),
        MathFloor((80 - indentation) / actualMax),
        3 * 4,
        15,
      );
      if (columns <= 1) return output;
      const maxLineLength = [];
      for (let i = 0; i < columns; i++) {
        let lineLength = 0;
        for (let j = i; j < outputLength; j += columns) {
          if (dataLen[j] > lineLength) lineLength = dataLen[j];
        }
        push(maxLineLength, lineLength + separatorSpace);
      }
      let padStart = value !== undefined;
      if (padStart) {
        for (let i = 0; i < outputLength; i++) {
          const t = typeof value[i];
          if (t !== 'number' && t !== 'bigint') { padStart = false; break; }
        }
      }
      const grouped = [];
      for (let i = 0; i < outputLength; i += columns) {
        const max = MathMin(i + columns, outputLength);
        let str = '';
        let j = i;
        for (; j < max - 1; j++) {
          const cell = output[j] + ', ';
          str += apply(padStart ? StringPadStart : StringPadEnd, cell, [maxLineLength[j - i], ' ']);
        }
        str += padStart
          ? apply(StringPadStart, output[j], [maxLineLength[j - i] - separatorSpace, ' '])
          : output[j];
        push(grouped, str);
      }
      if (hasMore) push(grouped, output[outputLength]);
      return grouped;
    }
    return output;
  }

  function reduceToSingleString(output, base, braces, indentation, extrasArray, value, hasMore, levels) {
    const entries = output.length;
    if (extrasArray && entries > 6) output = groupArrayElements(output, value, indentation, hasMore);
    if (levels < 3 && entries === output.length) {
      const start = output.length + indentation + braces[0].length + base.length + 10;
      if (isBelowBreakLength(output, start)) {
        let joined = '';
        for (let i = 0; i < output.length; i++) joined += (i ? ', ' : '') + output[i];
        if (apply(StringIndexOf, joined, ['\n']) === -1) {
          return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
        }
      }
    }
    const ind = '\n' + apply(StringRepeat, ' ', [indentation]);
    let joined = '';
    for (let i = 0; i < output.length; i++) joined += (i ? ',' + ind + '  ' : '') + output[i];
    return (base ? base + ' ' : '') + braces[0] + ind + '  ' + joined + ind + braces[1];
  }

  function formatKey(k) {
    if (typeof k === 'symbol') return '[' + apply(SymbolToString, k, []) + ']';
    return isIdentifier(k) ? k : quote(k);
  }

  function formatProperty(ctx, o, k, depth, indentation) {
    const d = getOwnPropertyDescriptor(o, k);
    if (d === undefined) return formatKey(k) + ': undefined';
    if (hasOwn(d, 'value')) {
      return formatKey(k) + ': ' + formatValue(ctx, d.value, depth + 1, indentation + 2);
    }
    const kind = d.get !== undefined ? (d.set !== undefined ? '[Getter/Setter]' : '[Getter]') : '[Setter]';
    return formatKey(k) + ': ' + kind;
  }

  function ownEnumerableKeys(o, skipIndices) {
    const keys = ownKeys(o);
    const out = [];
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (typeof k === 'string' && skipIndices) {
        const n = NumberCtor(k);
        if (k !== '' && n >= 0 && MathTrunc(n) === n && '' + n === k) continue;
        if (k === 'length') continue;
      }
      if (apply(propertyIsEnumerable, o, [k])) push(out, k);
    }
    return out;
  }

  function formatError(e) {
    let stack;
    try { stack = e.stack; } catch { stack = undefined; }
    if (typeof stack === 'string' && stack !== '') return stack;
    try { return '[' + StringCtor(e) + ']'; } catch { return '[Error]'; }
  }

  function formatValue(ctx, v, depth, indentation) {
    const prim = formatPrimitive(v, depth > 0);
    if (prim !== undefined) return prim;
    if (typeof v === 'function') {
      let src = '';
      try { src = apply(FunctionToString, v, []); } catch { src = ''; }
      const name = functionName(v);
      const isClass = apply(StringSlice, src, [0, 6]) === 'class ' || apply(StringSlice, src, [0, 6]) === 'class{';
      const base = isClass ? `[class ${name || '(anonymous)'}]` : (name ? `[Function: ${name}]` : '[Function (anonymous)]');
      const keys = ownEnumerableKeys(v, false);
      if (keys.length === 0) return base;
      if (depth > 2) return base;
      return formatObjectBody(ctx, v, keys, base, ['{', '}'], depth, indentation, false, undefined, false);
    }
    // objects
    if (apply(MapHas, ctx.seen, [v])) {
      let ref = apply(MapGet, ctx.seen, [v]);
      if (ref === 0) {
        ref = ++ctx.refs;
        apply(MapSet, ctx.seen, [v, ref]);
        apply(MapSet, ctx.circular, [v, ref]);
      }
      return `[Circular *${ref}]`;
    }
    const out = formatObject(ctx, v, depth, indentation);
    if (apply(MapHas, ctx.circular, [v])) return `<ref *${apply(MapGet, ctx.circular, [v])}> ` + out;
    return out;
  }

  function formatObject(ctx, v, depth, indentation) {
    let ctor = constructorName(v);
    let tag = '';
    try { tag = v[SymbolToStringTag]; } catch { tag = ''; }
    if (typeof tag !== 'string') tag = '';
    const prefixFor = (fallback, size) => {
      const name = ctor === null ? `[${fallback}: null prototype]` : (ctor || fallback);
      let p = size !== undefined ? `${name}(${size})` : name;
      if (tag !== '' && tag !== ctor && tag !== fallback) p += ` [${tag}]`;
      return p;
    };
    apply(MapSet, ctx.seen, [v, 0]);
    if (depth <= 2) ctx.currentDepth = depth;
    try {
      if (ArrayIsArray(v)) {
        const len = v.length;
        const prefix = ctor === 'Array' ? '' : prefixFor('Array', len);
        if (depth > 2) return '[Array]';
        const output = [];
        const max = MathMin(len, 100);
        let holes = 0;
        for (let i = 0; i < max; i++) {
          if (!hasOwn(v, i)) { holes++; continue; }
          if (holes) { push(output, `<${holes} empty item${holes > 1 ? 's' : ''}>`); holes = 0; }
          push(output, formatValue(ctx, v[i], depth + 1, indentation + 2));
        }
        if (holes) push(output, `<${holes} empty item${holes > 1 ? 's' : ''}>`);
        const more = len > max;
        if (more) push(output, `... ${len - max} more item${len - max > 1 ? 's' : ''}`);
        const keys = ownEnumerableKeys(v, true);
        for (let i = 0; i < keys.length; i++) push(output, formatProperty(ctx, v, keys[i], depth, indentation));
        if (output.length === 0) return prefix ? prefix + ' []' : '[]';
        return reduceToSingleString(output, prefix, ['[', ']'], indentation, true, v, more, ctx.currentDepth - depth);
      }
      if (ArrayBufferIsView(v) && brand(TATag, v) && apply(TATag, v, []) !== undefined) {
        const len = apply(TALength, v, []);
        const name = apply(TATag, v, []);
        if (depth > 2) return `[${name}]`;
        const output = [];
        const max = MathMin(len, 100);
        for (let i = 0; i < max; i++) push(output, formatPrimitive(v[i], true));
        const more = len > max;
        if (more) push(output, `... ${len - max} more item${len - max > 1 ? 's' : ''}`);
        const prefix = `${ctor || name}(${len})`;
        if (output.length === 0) return prefix + ' []';
        return reduceToSingleString(output, prefix, ['[', ']'], indentation, true, v, more, 0);
      }
      if (brand(MapSize, v)) {
        const size = apply(MapSize, v, []);
        const prefix = prefixFor('Map', size);
        if (depth > 2) return '[Map]';
        const output = [];
        apply(MapForEach, v, [(val, key) => {
          push(output, formatValue(ctx, key, depth + 1, indentation + 2) + ' => ' + formatValue(ctx, val, depth + 1, indentation + 2));
        }]);
        const keys = ownEnumerableKeys(v, false);
        for (let i = 0; i < keys.length; i++) push(output, formatProperty(ctx, v, keys[i], depth, indentation));
        if (output.length === 0) return prefix + ' {}';
        return reduceToSingleString(output, prefix, ['{', '}'], indentation, false, undefined, false, ctx.currentDepth - depth);
      }
      if (brand(SetSize, v)) {
        const size = apply(SetSize, v, []);
        const prefix = prefixFor('Set', size);
        if (depth > 2) return '[Set]';
        const output = [];
        apply(SetForEach, v, [(val) => { push(output, formatValue(ctx, val, depth + 1, indentation + 2)); }]);
        const keys = ownEnumerableKeys(v, false);
        for (let i = 0; i < keys.length; i++) push(output, formatProperty(ctx, v, keys[i], depth, indentation));
        if (output.length === 0) return prefix + ' {}';
        return reduceToSingleString(output, prefix, ['{', '}'], indentation, true, undefined, false, ctx.currentDepth - depth);
      }
      if (brand(DateGetTime, v)) {
        const t = apply(DateGetTime, v, []);
        return NumberIsNaN(t) ? 'Invalid Date' : apply(DateToISOString, v, []);
      }
      if (brand(RegExpSource, v) && v !== RegExp.prototype) return apply(RegExpToString, v, []);
      const kind = apply(ObjectToString, v, []);
      if (kind === '[object Error]') {
        const keys = ownEnumerableKeys(v, false);
        const base = formatError(v);
        if (keys.length === 0 || depth > 2) return base;
        return formatObjectBody(ctx, v, keys, base, ['{', '}'], depth, indentation, false, undefined, false);
      }
      if (brand(ABByteLength, v)) {
        return `ArrayBuffer { byteLength: ${apply(ABByteLength, v, [])} }`;
      }
      const boxed = boxedPrimitive(v);
      const keys = ownEnumerableKeys(v, false);
      if (boxed !== undefined) {
        if (keys.length === 0) return boxed;
        return formatObjectBody(ctx, v, keys, boxed, ['{', '}'], depth, indentation, false, undefined, false);
      }
      let prefix = ctor === 'Object' ? '' : prefixFor('Object');
      if (kind === '[object Promise]' && ctor === 'Promise') prefix = 'Promise';
      if (kind === '[object Arguments]') prefix = '[Arguments]';
      if (depth > 2) return `[${ctor === null ? 'Object: null prototype' : (ctor || 'Object')}]`;
      if (keys.length === 0) {
        if (kind === '[object Promise]') return 'Promise { <unknown> }';
        return prefix ? prefix + ' {}' : '{}';
      }
      return formatObjectBody(ctx, v, keys, prefix, ['{', '}'], depth, indentation, false, undefined, false);
    } finally {
      apply(MapDelete, ctx.seen, [v]);
    }
  }

  const NumberValueOf = Number.prototype.valueOf;
  const StringValueOf = String.prototype.valueOf;
  const BooleanValueOf = Boolean.prototype.valueOf;
  const BigIntValueOf = BigInt.prototype.valueOf;
  const SymbolValueOf = Symbol.prototype.valueOf;
  function boxedPrimitive(v) {
    if (brand(NumberValueOf, v)) return `[Number: ${formatNumber(apply(NumberValueOf, v, []))}]`;
    if (brand(StringValueOf, v)) return `[String: ${quote(apply(StringValueOf, v, []))}]`;
    if (brand(BooleanValueOf, v)) return `[Boolean: ${apply(BooleanValueOf, v, [])}]`;
    if (brand(BigIntValueOf, v)) return `[BigInt: ${apply(BigIntToString, apply(BigIntValueOf, v, []), [])}n]`;
    if (brand(SymbolValueOf, v)) return `[Symbol: ${apply(SymbolToString, apply(SymbolValueOf, v, []), [])}]`;
    return undefined;
  }

  function formatObjectBody(ctx, v, keys, prefix, braces, depth, indentation, extrasArray, value, more) {
    const output = [];
    for (let i = 0; i < keys.length; i++) push(output, formatProperty(ctx, v, keys[i], depth, indentation));
    return reduceToSingleString(output, prefix, braces, indentation, extrasArray, value, more, ctx.currentDepth - depth);
  }

  function newContext() {
    // currentDepth mirrors Node: the depth of the object most recently formatted; an object is
    // kept on one line only if that is fewer than 3 levels below it.
    return { __proto__: null, seen: new MapCtor(), circular: new MapCtor(), refs: 0, currentDepth: 0 };
  }

  function inspect(v) {
    return formatValue(newContext(), v, 0, 0);
  }

  // Node's util.format: printf-style directives when the first argument is a string.
  function format(args) {
    let out = '';
    let start = 0;
    if (args.length > 0 && typeof args[0] === 'string') {
      const f = args[0];
      start = 1;
      let last = 0;
      for (let i = 0; i < f.length - 1; i++) {
        if (apply(charCodeAt, f, [i]) !== 37) continue; // '%'
        const c = f[i + 1];
        let rep;
        if (c === '%') { out += apply(StringSlice, f, [last, i]) + '%'; last = i + 2; i++; continue; }
        if (start >= args.length) continue;
        const a = args[start];
        switch (c) {
          case 's':
            rep = typeof a === 'string' ? a : (typeof a === 'bigint' ? apply(BigIntToString, a, []) + 'n'
              : (typeof a === 'object' && a !== null ? inspect(a) : formatPrimitive(a, false) ?? StringCtor(a)));
            break;
          case 'd': case 'i': {
            if (typeof a === 'bigint') rep = apply(BigIntToString, a, []) + 'n';
            else if (typeof a === 'symbol') rep = 'NaN';
            else { const n = NumberCtor(a); rep = formatNumber(c === 'i' ? MathTrunc(n) : n); }
            break;
          }
          case 'f': rep = typeof a === 'symbol' ? 'NaN' : formatNumber(NumberCtor(a)); break;
          case 'j': try { rep = JSONStringify(a); } catch { rep = '[Circular]'; } break;
          case 'o': case 'O': rep = inspect(a); break;
          case 'c': rep = ''; break;
          default: continue;
        }
        out += apply(StringSlice, f, [last, i]) + rep;
        last = i + 2;
        i++;
        start++;
      }
      out += apply(StringSlice, f, [last]);
    }
    for (let i = start; i < args.length; i++) {
      const a = args[i];
      out += (i > 0 ? ' ' : '') + (typeof a === 'string' ? a : inspect(a));
    }
    return out;
  }

  // ------------------------------------------------------------------ console, print, readline
  let groupIndent = '';
  const counts = new MapCtor();
  function line(stream, args) {
    let s = format(args);
    if (groupIndent !== '') {
      const parts = apply(StringSplit, s, ['\n']);
      s = '';
      for (let i = 0; i < parts.length; i++) s += (i ? '\n' : '') + groupIndent + parts[i];
    }
    write(stream, s + '\n');
  }
  const methods = {
    log(...args) { line(0, args); },
    info(...args) { line(0, args); },
    debug(...args) { line(0, args); },
    error(...args) { line(1, args); },
    warn(...args) { line(1, args); },
    trace(...args) {
      const holder = {};
      ErrorCaptureStackTrace(holder);
      line(1, ['Trace' + (args.length ? ': ' + format(args) : '')]);
    },
    dir(v) { line(0, [inspect(v)]); },
    assert(cond, ...args) {
      if (cond) return;
      if (args.length === 0) line(1, ['Assertion failed']);
      else if (typeof args[0] === 'string') { args[0] = 'Assertion failed: ' + args[0]; line(1, args); }
      else line(1, ['Assertion failed:', ...args]);
    },
    count(label = 'default') {
      const key = StringCtor(label);
      const n = (apply(MapGet, counts, [key]) || 0) + 1;
      apply(MapSet, counts, [key, n]);
      line(0, [`${key}: ${n}`]);
    },
    countReset(label = 'default') { apply(MapSet, counts, [StringCtor(label), 0]); },
    group(...args) { if (args.length) line(0, args); groupIndent += '  '; },
    groupEnd() { groupIndent = apply(StringSlice, groupIndent, [0, MathMax(0, groupIndent.length - 2)]); },
    table(...args) { line(0, args); },
    time() {},
    timeEnd() {},
    timeLog() {},
  };
  methods.groupCollapsed = methods.group;
  const consoleObject = {};
  const mkeys = ownKeys(methods);
  for (let i = 0; i < mkeys.length; i++) defineProperty(consoleObject, mkeys[i], desc(methods[mkeys[i]]));

  let stdinLines = [];
  let stdinPos = 0;
  function readline() {
    if (stdinPos >= stdinLines.length) return null;
    return stdinLines[stdinPos++];
  }
  function print(...args) { line(0, args); }

  // ------------------------------------------------------------------ timers and microtasks
  // A virtual timer queue. The host drives it: after the main script, it calls tick() until
  // nothing is pending; V8 drains the microtask queue after each call, as Node does between
  // macrotasks. Nothing runs on its own between host calls.
  const timers = new MapCtor();
  let nextTimerId = 1;
  let timerSeq = 0;
  function addTimer(fn, delay, args, repeat) {
    if (typeof fn !== 'function') {
      throw new TypeErrorCtor('The "callback" argument must be of type function. Received ' + formatPrimitive(fn, true));
    }
    let ms = NumberCtor(delay);
    if (!(ms >= 1 && ms <= 2147483647)) ms = 1;
    ms = MathTrunc(ms);
    const id = nextTimerId++;
    apply(MapSet, timers, [id, { __proto__: null, fn, args, ms, repeat, due: apply(DateNow, null, []) + ms, seq: timerSeq++ }]);
    header[4] = apply(MapSize, timers, []);
    return id;
  }
  function clearTimer(id) {
    if (typeof id === 'number') apply(MapDelete, timers, [id]);
    header[4] = apply(MapSize, timers, []);
  }
  function setTimeout(fn, delay, ...args) { return addTimer(fn, delay, args, false); }
  function setInterval(fn, delay, ...args) { return addTimer(fn, delay, args, true); }
  function setImmediate(fn, ...args) { return addTimer(fn, 0, args, false); }
  function clearTimeout(id) { clearTimer(id); }
  function clearInterval(id) { clearTimer(id); }
  function clearImmediate(id) { clearTimer(id); }

  // The flag is set after the report is written: mini-racer drains microtasks after it has
  // handed an eval's result to the host, so the host may read the header while a microtask is
  // still reporting. It sees the flag only once the text is complete.
  function reportUncaught(e) {
    let text;
    try {
      text = formatPrimitive(e, false);
      if (text === undefined) {
        // Drop this prelude's own frames from the report.
        const lines = apply(StringSplit, formatError(e), ['\n']);
        text = '';
        for (let i = 0; i < lines.length; i++) {
          if (apply(StringIndexOf, lines[i], ['sandboxes-prelude.js']) !== -1) continue;
          if (apply(StringIndexOf, lines[i], ['sandboxes-host.js']) !== -1) continue;
          text += (text === '' ? '' : '\n') + lines[i];
        }
      }
    } catch {
      text = '[unprintable error]';
    }
    try { write(1, 'Uncaught ' + text + '\n'); } catch { /* output limit already flagged */ }
    header[3] |= FLAG_UNCAUGHT;
  }

  function queueMicrotask(fn) {
    if (typeof fn !== 'function') {
      throw new TypeErrorCtor('The "callback" argument must be of type function. Received ' + formatPrimitive(fn, true));
    }
    // `await undefined` queues a microtask without looking up `then` or Symbol.species.
    (async () => {
      await undefined;
      try { fn(); } catch (e) { reportUncaught(e); }
    })();
  }

  function nextTimer() {
    let best;
    apply(MapForEach, timers, [(t, id) => {
      if (best === undefined || t.due < best.t.due || (t.due === best.t.due && t.seq < best.t.seq)) best = { __proto__: null, t, id };
    }]);
    return best;
  }

  // What tick() would do, without doing it: -1 when nothing is pending (or nothing more may
  // run), else the milliseconds until the next timer is due (0: due now). The host queues this
  // right behind the main script, so a program with no timers finishes in one round trip.
  function peek() {
    if (header[3] & (FLAG_UNCAUGHT | FLAG_OUTPUT)) return -1;
    const best = nextTimer();
    if (best === undefined) return -1;
    return MathMax(0, best.t.due - apply(DateNow, null, []));
  }

  // Runs the earliest due timer. Returns -1 when nothing is pending, 0 after running one,
  // or the number of milliseconds until the next one is due.
  function tick() {
    // After an uncaught error (or the output cap) nothing more runs, as in Node. A microtask
    // that raised it may have run after the host last looked at the header.
    if (header[3] & (FLAG_UNCAUGHT | FLAG_OUTPUT)) return -1;
    const best = nextTimer();
    if (best === undefined) return -1;
    const wait = best.t.due - apply(DateNow, null, []);
    if (wait > 0) return wait;
    const t = best.t;
    if (t.repeat) {
      t.due = apply(DateNow, null, []) + t.ms;
      t.seq = timerSeq++;
    } else {
      apply(MapDelete, timers, [best.id]);
    }
    header[4] = apply(MapSize, timers, []);
    apply(t.fn, undefined, t.args);
    return 0;
  }

  // ------------------------------------------------------------------ ArrayBuffer accounting
  // ArrayBuffer backing stores live outside the V8 heap and its limit, so every way to allocate
  // one is charged against a budget derived from memory_mb. Buffers of at most 64 bytes are
  // allocated on the V8 heap and are not charged. Credit comes back when a buffer is collected.
  let abBudget = CONFIG.bufferBudget;
  let abUsed = 0;
  const abRegistry = new FR((n) => { abUsed -= n; });
  function charge(bytes) {
    if (!(bytes > 64)) return 0;
    if (!(bytes <= abBudget - abUsed)) {
      header[3] |= FLAG_BUDGET;
      throw new RangeErrorCtor(`Array buffer allocation failed: ${bytes} bytes exceed the sandbox memory limit`);
    }
    abUsed += bytes;
    return bytes;
  }
  function credited(buffer, bytes) {
    if (bytes > 64) apply(FRRegister, abRegistry, [buffer, bytes]);
  }
  function toIndex(v) {
    const n = MathTrunc(NumberCtor(v));
    if (NumberIsNaN(n) || n === 0) return 0;
    if (n < 0 || n > 9007199254740991) throw new RangeErrorCtor('Invalid array length');
    return n;
  }

  const proxies = new MapCtor(); // original constructor -> guest-visible proxy
  function guardConstructor(name, onConstruct) {
    const original = G[name];
    if (typeof original !== 'function') return;
    const proxy = new Proxy(original, {
      __proto__: null,
      construct(target, args, newTarget) {
        return onConstruct(target, args, newTarget === proxy ? target : newTarget);
      },
    });
    defineProperty(original.prototype, 'constructor', hidden(proxy));
    defineProperty(G, name, hidden(proxy));
    apply(MapSet, proxies, [original, proxy]);
  }

  guardConstructor('ArrayBuffer', (target, args, newTarget) => {
    const len = toIndex(args[0]);
    let max;
    const opts = args[1];
    if (opts !== null && typeof opts === 'object') {
      const m = opts.maxByteLength;
      if (m !== undefined) max = toIndex(m);
    }
    const bytes = charge(len);
    const cleanArgs = max === undefined ? [len] : [len, { __proto__: null, maxByteLength: max }];
    let buf;
    try {
      buf = construct(target, cleanArgs, newTarget);
    } catch (e) {
      abUsed -= bytes;
      throw e;
    }
    credited(buf, bytes);
    return buf;
  });

  const typedArrayNames = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
    'Int32Array', 'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];
  for (let i = 0; i < typedArrayNames.length; i++) {
    const name = typedArrayNames[i];
    const original = G[name];
    if (typeof original !== 'function') continue;
    const bpe = original.BYTES_PER_ELEMENT;
    guardConstructor(name, (target, args, newTarget) => {
      const src = args[0];
      let cleanArgs;
      let length;
      if (src === null || typeof src !== 'object') {
        length = toIndex(src);
        cleanArgs = [length];
      } else if (brand(ABByteLength, src) || (CONFIG.sharedMemory && brand(SABByteLength, src))) {
        cleanArgs = args; // a view on an existing buffer allocates nothing
        length = 0;
      } else if (ArrayBufferIsView(src) && brand(TALength, src)) {
        length = apply(TALength, src, []);
        cleanArgs = [src];
      } else if (ArrayIsArray(src) || src[SymbolIterator] === undefined) {
        // An array or array-like: its length is charged before anything is allocated, then the
        // elements are copied in an ordinary (interruptible) loop, reading the length once.
        length = toIndex(src.length);
        const bytes = charge(length * bpe);
        let ta;
        try {
          ta = construct(target, [length], newTarget);
          for (let i = 0; i < length; i++) ta[i] = src[i];
        } catch (e) {
          abUsed -= bytes;
          throw e;
        }
        if (bytes) credited(apply(TABuffer, ta, []), bytes);
        return ta;
      } else {
        // Another iterable: collect it into a plain (heap-limited) array first.
        const items = apply(ArrayFrom, undefined, [src]);
        length = items.length;
        cleanArgs = [items];
      }
      const bytes = charge(length * bpe);
      let ta;
      try {
        ta = construct(target, cleanArgs, newTarget);
      } catch (e) {
        abUsed -= bytes;
        throw e;
      }
      if (bytes) credited(apply(TABuffer, ta, []), bytes);
      return ta;
    });
  }

  // Prototype methods that allocate a new backing store: charge first, then call the original.
  function guardMethod(proto, name, bytesFor) {
    const original = proto[name];
    if (typeof original !== 'function') return;
    const wrapped = {
      [name](...args) {
        const bytes = charge(bytesFor(this, args));
        let result;
        try {
          result = apply(original, this, args);
        } catch (e) {
          abUsed -= bytes;
          throw e;
        }
        if (bytes && result !== null && typeof result === 'object') {
          try { credited(brand(ABByteLength, result) ? result : apply(TABuffer, result, []), bytes); } catch { /* not a buffer */ }
        }
        return result;
      },
    }[name];
    defineProperty(proto, name, hidden(wrapped));
  }
  const taBytes = (self) => apply(TAByteLength, self, []);
  const TAP = TypedArray.prototype;
  guardMethod(TAP, 'slice', taBytes);
  guardMethod(TAP, 'map', taBytes);
  guardMethod(TAP, 'filter', taBytes);
  guardMethod(TAP, 'toReversed', taBytes);
  guardMethod(TAP, 'toSorted', taBytes);
  guardMethod(TAP, 'with', taBytes);
  const ABP = ArrayBufferCtor.prototype;
  const ABResizable = getOwnPropertyDescriptor(ABP, 'resizable').get;
  guardMethod(ABP, 'slice', (self) => apply(ABByteLength, self, []));
  guardMethod(ABP, 'transfer', (self, args) => (args[0] === undefined ? apply(ABByteLength, self, []) : toIndex(args[0])));
  guardMethod(ABP, 'transferToFixedLength', (self, args) => (args[0] === undefined ? apply(ABByteLength, self, []) : toIndex(args[0])));
  guardMethod(ABP, 'resize', (self, args) => MathMax(0, toIndex(args[0]) - apply(ABByteLength, self, [])));
  // TypedArray.from/of construct through `this`, which is the guarded proxy.

  // Array.prototype.fill/copyWithin on a sparse (dictionary-mode) array are C++ loops that never
  // check for termination: they outlive the deadline and can grow a hash table until V8 aborts
  // the whole process ("invalid table size"). A range that could not fit in the heap limit
  // (4 bytes per element at least) is refused before it starts.
  const relativeIndex = (v, len, dflt) => {
    if (v === undefined) return dflt;
    const n = MathTrunc(NumberCtor(v)) || 0;
    return n < 0 ? MathMax(len + n, 0) : MathMin(n, len);
  };
  function guardArrayRange(name, countFor) {
    const original = Array.prototype[name];
    const wrapped = {
      [name](...args) {
        const o = ObjectCtor(this);
        const len = MathMin(MathMax(MathTrunc(NumberCtor(o.length)) || 0, 0), 9007199254740991);
        const count = countFor(len, args);
        if (count * 4 > abBudget) {
          header[3] |= FLAG_BUDGET;
          throw new RangeErrorCtor(`Invalid array length: ${name} of ${count} elements exceeds the sandbox memory limit`);
        }
        return apply(original, o, args);
      },
    }[name];
    defineProperty(Array.prototype, name, hidden(wrapped));
  }
  guardArrayRange('fill', (len, a) => MathMax(relativeIndex(a[2], len, len) - relativeIndex(a[1], len, 0), 0));
  guardArrayRange('copyWithin', (len, a) => MathMax(relativeIndex(a[2], len, len) - relativeIndex(a[1], len, 0), 0));

  let SABByteLength = null;
  if (CONFIG.sharedMemory && typeof SharedArrayBuffer === 'function') {
    SABByteLength = getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get;
    const SABP = SharedArrayBuffer.prototype;
    guardConstructor('SharedArrayBuffer', (target, args, newTarget) => {
      const len = toIndex(args[0]);
      const bytes = charge(len);
      const opts = args[1];
      const cleanArgs = (opts !== null && typeof opts === 'object' && opts.maxByteLength !== undefined)
        ? [len, { __proto__: null, maxByteLength: toIndex(opts.maxByteLength) }] : [len];
      const buf = construct(target, cleanArgs, newTarget);
      credited(buf, bytes);
      return buf;
    });
    guardMethod(SABP, 'slice', (self) => apply(SABByteLength, self, []));
    guardMethod(SABP, 'grow', (self, args) => MathMax(0, toIndex(args[0]) - apply(SABByteLength, self, [])));
  }
  if (CONFIG.wasm && typeof WebAssembly === 'object') {
    const W = WebAssembly;
    const Memory = W.Memory;
    const proxy = new Proxy(Memory, {
      __proto__: null,
      construct(target, args, newTarget) {
        const d = args[0];
        const initial = d !== null && typeof d === 'object' ? toIndex(d.initial) : 0;
        const maximum = d !== null && typeof d === 'object' && d.maximum !== undefined ? toIndex(d.maximum) : undefined;
        charge(initial * 65536);
        const clean = { __proto__: null, initial };
        if (maximum !== undefined) clean.maximum = maximum;
        if (d !== null && typeof d === 'object' && d.shared) clean.shared = true;
        return construct(target, [clean], newTarget === proxy ? target : newTarget);
      },
    });
    defineProperty(Memory.prototype, 'constructor', hidden(proxy));
    defineProperty(W, 'Memory', hidden(proxy));
    guardMethod(Memory.prototype, 'grow', (self, args) => toIndex(args[0]) * 65536);
  }

  // ------------------------------------------------------------------ FinalizationRegistry
  // A cleanup callback runs as a task of its own, outside any host call: an exception it threw
  // would go to V8's default message reporter, which prints on the host process's stdout. Each
  // callback is wrapped so that its exception is reported like any uncaught error, in the run's
  // own output (and counted against its cap).
  {
    const proxy = new Proxy(FR, {
      __proto__: null,
      construct(target, args, newTarget) {
        const cb = args[0];
        const cleanup = typeof cb !== 'function' ? cb : function (held) {
          try { apply(cb, undefined, [held]); } catch (e) { reportUncaught(e); }
        };
        return construct(target, [cleanup], newTarget === proxy ? target : newTarget);
      },
    });
    defineProperty(FR.prototype, 'constructor', hidden(proxy));
    defineProperty(G, 'FinalizationRegistry', hidden(proxy));
  }

  // ------------------------------------------------------------------ the global object
  // Allowlist: standard ECMAScript globals plus what this prelude installs. Anything else the
  // embedding put there (mini-racer's timer manager, its console) is removed.
  const allowed = new MapCtor();
  const keep = ['Object', 'Function', 'Array', 'Number', 'parseFloat', 'parseInt', 'Infinity', 'NaN',
    'undefined', 'Boolean', 'String', 'Symbol', 'Date', 'Promise', 'RegExp', 'Error', 'AggregateError',
    'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'globalThis',
    'JSON', 'Math', 'Intl', 'ArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array',
    'Uint32Array', 'Int32Array', 'BigUint64Array', 'BigInt64Array', 'Uint8ClampedArray', 'Float16Array',
    'Float32Array', 'Float64Array', 'DataView', 'Map', 'BigInt', 'Set', 'Iterator', 'WeakMap', 'WeakSet',
    'Proxy', 'Reflect', 'FinalizationRegistry', 'WeakRef', 'decodeURI', 'decodeURIComponent', 'encodeURI',
    'encodeURIComponent', 'escape', 'unescape', 'eval', 'isFinite', 'isNaN', 'Temporal', 'SuppressedError',
    'DisposableStack', 'AsyncDisposableStack', SECRET];
  // Denied unless the policy allows them: SharedArrayBuffer and Atomics (shared memory makes
  // high-resolution timers), WebAssembly (its memories live outside the heap limit).
  if (CONFIG.sharedMemory) { push(keep, 'SharedArrayBuffer'); push(keep, 'Atomics'); }
  if (CONFIG.wasm) push(keep, 'WebAssembly');
  for (let i = 0; i < keep.length; i++) apply(MapSet, allowed, [keep[i], true]);
  const globalKeys = ownKeys(G);
  for (let i = 0; i < globalKeys.length; i++) {
    const k = globalKeys[i];
    if (!apply(MapHas, allowed, [k])) deleteProperty(G, k);
  }
  const installs = { console: consoleObject, print, readline, setTimeout, setInterval, setImmediate,
    clearTimeout, clearInterval, clearImmediate, queueMicrotask };
  const ikeys = ownKeys(installs);
  for (let i = 0; i < ikeys.length; i++) defineProperty(G, ikeys[i], hidden(installs[ikeys[i]]));

  // ------------------------------------------------------------------ the host's entry point
  // A non-configurable, non-writable global the host reaches through the global object (never
  // through a binding the guest could shadow); it answers only to the per-context token.
  function control(token, op, a, b, c) {
    if (token !== TOKEN) throw new TypeErrorCtor('not allowed');
    if (op === 'tick') return tick();
    if (op === 'peek') return peek();
    if (op === 'begin') {
      stdinLines = a === '' ? [] : apply(StringSplit, a, ['\n']);
      if (stdinLines.length && stdinLines[stdinLines.length - 1] === '') stdinLines.length--;
      stdinPos = 0;
      abBudget = b;
      if (c !== undefined) outCap = MathMin(CAP, c);
      return 0;
    }
    if (op === 'warm') {
      // V8 compiles a function on its first call. The pool calls this on a context it is
      // preparing, off the caller's thread, so that a run's first console.log of strings and
      // numbers does not pay for compiling the formatter (0.4 ms of the run). Only that path:
      // warming every formatter branch cost 2 ms of CPU per context, which back-to-back runs
      // pay through the pool's refill. Nothing observable remains: the output written here is
      // forgotten (the header is reset) and no timer is left.
      methods.log('a', 1);
      peek();
      tick();
      header[0] = 0; header[1] = 0; header[2] = 0; header[3] = 0;
      return 0;
    }
    if (op === 'watch') {
      apply(PromiseThen, a, [undefined, reportUncaught]);
      return 0;
    }
    if (op === 'compile') {
      // Compile without running: the body of a new (async) function is parsed, never called.
      const F = b ? getPrototypeOf(async function () {}).constructor : Function;
      construct(F, [a]);
      return 0;
    }
    throw new TypeErrorCtor('unknown operation');
  }
  defineProperty(G, SECRET, { __proto__: null, value: ObjectFreeze(control), writable: false, enumerable: false, configurable: false });
  return outBuffer;
})
