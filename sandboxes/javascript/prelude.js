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
  const setPrototypeOf = R.setPrototypeOf;
  const getOwnPropertyDescriptor = R.getOwnPropertyDescriptor;
  const ObjectCtor = Object;
  const ObjectFreeze = Object.freeze;
  const ObjectKeys = Object.keys;
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
  const StringFromCharCode = String.fromCharCode;
  const StringToLowerCase = String.prototype.toLowerCase;
  const StringStartsWith = String.prototype.startsWith;
  const U8Proto = Uint8Array.prototype;
  const U8ToBase64 = Uint8Array.prototype.toBase64;
  const U8ToHex = Uint8Array.prototype.toHex;
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
  const FLAG_EXIT = 8; // process.exit() was called: header[6] holds the code
  const FLAG_EXIT_LISTENERS = 16; // process.on('exit'): the host asks for the 'exit' event at the end
  const FLAG_EXIT_CODE = 32; // process.exitCode was set: header[6] holds it

  // A run may lower the cap below the buffer's size (a per-run max_output_bytes).
  let outCap = CAP;
  // What process.exit() throws to unwind the guest's stack. Once it has been thrown, nothing the
  // guest still runs (a catch, a finally) may write output, and no timer or event runs.
  const EXIT = ObjectFreeze({ __proto__: null, toString() { return 'process.exit()'; } });
  function outputLimitError() {
    return new RangeErrorCtor(`output limit of ${outCap} bytes exceeded`);
  }

  // Append a string to stream 0 (stdout) or 1 (stderr), counting UTF-8 bytes against CAP.
  function write(stream, s) {
    if (header[3] & FLAG_EXIT) throw EXIT;
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

  // A constructor's prefix belongs to the opening brace ('Dog {', 'Map(2) {'), as in Node's formatRaw: the
  // brace's length, space included, counts towards the 80 columns (a base, an Error's or a boxed
  // primitive's text, is not part of the brace and its space is not counted)
  function opening(prefix, brace) { return prefix ? prefix + ' ' + brace : brace; }

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

  const AsyncFunctionProto = getPrototypeOf(async function () {});
  const GeneratorFunctionProto = getPrototypeOf(function* () {});
  const AsyncGeneratorFunctionProto = getPrototypeOf(async function* () {});
  const WeakSetHas = WeakSet.prototype.has;
  function formatValue(ctx, v, depth, indentation) {
    const prim = formatPrimitive(v, depth > 0);
    if (prim !== undefined) return prim;
    if (typeof v === 'function') {
      let src = '';
      try { src = apply(FunctionToString, v, []); } catch { src = ''; }
      const name = functionName(v);
      const isClass = apply(StringSlice, src, [0, 6]) === 'class ' || apply(StringSlice, src, [0, 6]) === 'class{';
      let fkind = 'Function';
      try {
        const p = getPrototypeOf(v);
        if (p === AsyncFunctionProto) fkind = 'AsyncFunction';
        else if (p === GeneratorFunctionProto) fkind = 'GeneratorFunction';
        else if (p === AsyncGeneratorFunctionProto) fkind = 'AsyncGeneratorFunction';
      } catch { /* a proxy's trap: a plain function */ }
      let ext = '';  // Node's getClassBase: the name of the class it extends
      if (isClass) {
        try {
          const parent = getPrototypeOf(v);
          const parentName = parent === null ? '' : parent.name;
          if (parent === null) ext = ' extends [null prototype]';
          else if (parentName) ext = ` extends ${parentName}`;
        } catch { ext = ''; }
      }
      const base = isClass ? `[class ${name || '(anonymous)'}${ext}]` : (name ? `[${fkind}: ${name}]` : `[${fkind} (anonymous)]`);
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
      const hook = apply(WeakMapGet, inspectHooks, [getPrototypeOf(v)]);
      if (hook !== undefined) {
        const shown = hook(v, ctx, depth, indentation);
        if (shown !== undefined) return shown;
      }
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
        if (ctx.showHidden) push(output, `[length]: ${len}`);
        if (output.length === 0) return prefix ? prefix + ' []' : '[]';
        return reduceToSingleString(output, '', [opening(prefix, '['), ']'], indentation, true, v, more, ctx.currentDepth - depth);
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
        return reduceToSingleString(output, '', [opening(prefix, '['), ']'], indentation, true, v, more, 0);
      }
      if (brand(MapSize, v)) {
        const size = apply(MapSize, v, []);
        const prefix = prefixFor('Map', size);
        if (depth > 2) return '[Map]';
        const output = [];
        let shown = 0;  // Node's maxArrayLength (100) holds for a Map's entries too
        apply(MapForEach, v, [(val, key) => {
          if (shown++ >= 100) return;
          push(output, formatValue(ctx, key, depth + 1, indentation + 2) + ' => ' + formatValue(ctx, val, depth + 1, indentation + 2));
        }]);
        if (size > 100) push(output, `... ${size - 100} more item${size - 100 > 1 ? 's' : ''}`);
        const keys = ownEnumerableKeys(v, false);
        for (let i = 0; i < keys.length; i++) push(output, formatProperty(ctx, v, keys[i], depth, indentation));
        if (output.length === 0) return prefix + ' {}';
        return reduceToSingleString(output, '', [opening(prefix, '{'), '}'], indentation, false, undefined, false, ctx.currentDepth - depth);
      }
      if (brand(SetSize, v)) {
        const size = apply(SetSize, v, []);
        const prefix = prefixFor('Set', size);
        if (depth > 2) return '[Set]';
        const output = [];
        let shown = 0;  // and a Set's
        apply(SetForEach, v, [(val) => { if (shown++ < 100) push(output, formatValue(ctx, val, depth + 1, indentation + 2)); }]);
        if (size > 100) push(output, `... ${size - 100} more item${size - 100 > 1 ? 's' : ''}`);
        const keys = ownEnumerableKeys(v, false);
        for (let i = 0; i < keys.length; i++) push(output, formatProperty(ctx, v, keys[i], depth, indentation));
        if (output.length === 0) return prefix + ' {}';
        // (Node groups the entries of arrays only, not of sets, in columns)
        return reduceToSingleString(output, '', [opening(prefix, '{'), '}'], indentation, false, undefined, false, ctx.currentDepth - depth);
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
        const n = apply(ABByteLength, v, []);
        const bytes = new G.Uint8Array(v);
        let hex = '';
        for (let i = 0; i < MathMin(n, 100); i++) hex += (i ? ' ' : '') + apply(StringPadStart, apply(NumberToString, bytes[i], [16]), [2, '0']);
        if (n > 100) hex += ` ... ${n - 100} more byte${n - 100 > 1 ? 's' : ''}`;
        const output = [`[Uint8Contents]: <${hex}>`, `byteLength: ${n}`];
        return reduceToSingleString(output, '', ['ArrayBuffer {', '}'], indentation, false, undefined, false, ctx.currentDepth - depth);
      }
      const boxed = boxedPrimitive(v);
      const keys = ownEnumerableKeys(v, boxed !== undefined && brand(StringValueOf, v)); // (a String's indices are its text)
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
        if (brand(WeakMapHas, v) || brand(WeakSetHas, v)) return `${prefix || ctor} { <items unknown> }`;
        return prefix ? prefix + ' {}' : '{}';
      }
      return formatObjectBody(ctx, v, keys, '', [opening(prefix, '{'), '}'], depth, indentation, false, undefined, false);
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
    return { __proto__: null, seen: new MapCtor(), circular: new MapCtor(), refs: 0, currentDepth: 0, showHidden: false };
  }

  function inspect(v, showHidden = false) {
    const ctx = newContext();
    ctx.showHidden = showHidden;
    return formatValue(ctx, v, 0, 0);
  }

  // Node's util.format: printf-style directives when the first argument is a string.
  function format(args) {
    let out = '';
    let start = 0;
    if (args.length > 0 && typeof args[0] === 'string') {
      const f = args[0];
      start = 1;
      let last = 0;
      // The next '%' is found by V8 (a 100 MB format string scanned a character at a time
      // in JavaScript kept a run busy for seconds before the output cap could stop it).
      for (let i = apply(StringIndexOf, f, ['%']); i !== -1 && i < f.length - 1; i = apply(StringIndexOf, f, ['%', i + 1])) {
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
          case 'o': rep = inspect(a, true); break; // Node's showHidden (here: arrays show their [length])
          case 'O': rep = inspect(a); break;
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
    // Once the text is longer (in UTF-16 units, each at least one UTF-8 byte) than the output
    // still allowed, the rest cannot be written: the cap is reached before it is formatted.
    const room = outCap - header[2];
    for (let i = start; i < args.length && out.length <= room; i++) {
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
    table(data, properties) {
      if (data === null || typeof data !== 'object') { line(0, [data]); return; }
      line(0, [consoleTable(data, properties)]);
    },
    time() {},
    timeEnd() {},
    timeLog() {},
  };
  methods.groupCollapsed = methods.group;
  // console.table as Node 20 draws it (lib/internal/cli_table.js): an '(index)' column, a column
  // per key of the rows (in order of first appearance), 'Values' for rows that are primitives.
  function consoleTable(data, properties) {
    const cell = (v) => formatValue(newContext(), v, 1, 0);
    const indexKeys = ObjectKeys(data);
    const columns = new MapCtor();
    const values = newArray();
    let hasPrimitives = false;
    const props = ArrayIsArray(properties) ? properties : undefined;
    for (let i = 0; i < indexKeys.length; i++) {
      const item = data[indexKeys[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (props === undefined && primitive) { hasPrimitives = true; values[i] = cell(item); continue; }
      const keys = props || ObjectKeys(item);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        let col = apply(MapGet, columns, [key]);
        if (col === undefined) { col = newArray(); apply(MapSet, columns, [key, col]); }
        col[i] = primitive || !hasOwn(item, key) ? '' : cell(item[key]);
      }
    }
    const head = ['(index)'];
    const cols = [indexKeys];
    apply(MapForEach, columns, [(col, key) => { push(head, StringCtor(key)); push(cols, col); }]);
    if (hasPrimitives) { push(head, 'Values'); push(cols, values); }
    const widths = [];
    for (let i = 0; i < head.length; i++) push(widths, head[i].length);
    let longest = 0;
    for (let i = 0; i < cols.length; i++) longest = MathMax(longest, cols[i].length);
    const rows = [];
    for (let j = 0; j < longest; j++) {
      const row = [];
      for (let i = 0; i < cols.length; i++) {
        const value = hasOwn(cols[i], j) && cols[i][j] !== undefined ? StringCtor(cols[i][j]) : '';
        push(row, value);
        widths[i] = MathMax(widths[i], value.length);
      }
      push(rows, row);
    }
    const render = (row) => {
      let out = '\u2502 ';
      for (let i = 0; i < row.length; i++) out += row[i] + apply(StringRepeat, ' ', [widths[i] - row[i].length]) + (i < row.length - 1 ? ' \u2502 ' : '');
      return out + ' \u2502';
    };
    const divider = (l, m, r) => {
      let out = l;
      for (let i = 0; i < widths.length; i++) out += (i ? m : '') + apply(StringRepeat, '\u2500', [widths[i] + 2]);
      return out + r;
    };
    let s = divider('\u250c', '\u252c', '\u2510') + '\n' + render(head) + '\n' + divider('\u251c', '\u253c', '\u2524') + '\n';
    for (let j = 0; j < rows.length; j++) s += render(rows[j]) + '\n';
    return s + divider('\u2514', '\u2534', '\u2518');
  }
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
  // What setTimeout/setInterval (Timeout) and setImmediate (Immediate) return, as in Node: an
  // object with ref/unref/hasRef/refresh/close whose primitive value is the timer's id (so
  // clearTimeout takes either, and `+timer` is a number). An unref'd timer does not keep the run
  // alive: when only such timers are left, the run ends, as Node's process exits.
  const timerHandles = new WeakMap(); // handle -> id (made before any guest code runs)
  class Timeout {
    ref() { setRef(this, true); return this; }
    unref() { setRef(this, false); return this; }
    hasRef() { const t = timerOf(this); return t === undefined ? false : t.ref; }
    refresh() {
      const t = timerOf(this);
      if (t !== undefined) { t.due = apply(DateNow, null, []) + t.ms; t.seq = timerSeq++; }
      return this;
    }
    close() { clearTimer(this); return this; }
    [Symbol.toPrimitive]() { return apply(WeakMapGet, timerHandles, [this]); }
  }
  class Immediate {
    ref() { setRef(this, true); return this; }
    unref() { setRef(this, false); return this; }
    hasRef() { const t = timerOf(this); return t === undefined ? false : t.ref; }
  }
  function timerOf(handle) {
    const id = apply(WeakMapGet, timerHandles, [handle]);
    return id === undefined ? undefined : apply(MapGet, timers, [id]);
  }
  function setRef(handle, ref) { const t = timerOf(handle); if (t !== undefined) t.ref = ref; }
  function addTimer(fn, delay, args, repeat, immediate) {
    if (typeof fn !== 'function') {
      throw new TypeErrorCtor('The "callback" argument must be of type function. Received ' + formatPrimitive(fn, true));
    }
    let ms = NumberCtor(delay);
    if (!(ms >= 1 && ms <= 2147483647)) ms = 1;
    ms = MathTrunc(ms);
    // An immediate runs before the timers that are not due yet (Node's check phase comes before
    // the next round of timers).
    if (immediate) ms = 0;
    const id = nextTimerId++;
    apply(MapSet, timers, [id, { __proto__: null, fn, args, ms, repeat, due: apply(DateNow, null, []) + ms, seq: timerSeq++, ref: true }]);
    header[4] = apply(MapSize, timers, []);
    const handle = immediate ? new Immediate() : new Timeout();
    apply(WeakMapSet, timerHandles, [handle, id]);
    return handle;
  }
  function clearTimer(id) {
    if (isObject(id)) id = apply(WeakMapGet, timerHandles, [id]);
    else if (typeof id === 'string') id = NumberCtor(id);
    if (typeof id === 'number') apply(MapDelete, timers, [id]);
    header[4] = apply(MapSize, timers, []);
  }
  function setTimeout(fn, delay, ...args) { return addTimer(fn, delay, args, false, false); }
  function setInterval(fn, delay, ...args) { return addTimer(fn, delay, args, true, false); }
  function setImmediate(fn, ...args) { return addTimer(fn, 0, args, false, true); }
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
    if (header[3] & (FLAG_EXIT | FLAG_UNCAUGHT)) return; // process.exit() ended the run; or one report
    // Where the report starts in stderr (plus one): the host puts the guest's source line there.
    header[7] = header[1] + 1;
    try { write(1, 'Uncaught ' + text + '\n'); } catch { /* output limit already flagged */ }
    header[3] |= FLAG_UNCAUGHT;
    if (exitEmitted) {
      // An error while exiting (an 'exit' listener, or what its microtasks left): Node exits at
      // once, with process.exitCode if it was set, else 1.
      header[6] = exitCode === undefined ? 1 : exitCode;
      header[3] |= FLAG_EXIT;
    }
  }

  // process.nextTick during the main script: Node runs those callbacks when the script ends, before
  // any promise job the script queued. They wait here; the host's end of the script (the code
  // after the guest's, _runtime.py) calls them one by one from the script's own top level, so
  // their stacks hold only the guest's frames, and what they throw is the script's uncaught error.
  // Afterwards a nextTick callback is a promise job of its own (runAsJob).
  let mainPhase = true;
  // The 'exit' event was emitted at the end of the run: as in Node, only the microtasks it
  // queued, and the rejections they leave, run after it (no timer, no nextTick callback).
  let exitEmitted = false;
  const mainTicks = [];
  setPrototypeOf(mainTicks, null);
  let mainTickHead = 0;
  function nextMainTick() {
    if (mainTickHead < mainTicks.length) {
      const t = mainTicks[mainTickHead];
      mainTicks[mainTickHead++] = undefined;
      return apply(FunctionBind, apply, [undefined, t.callback, undefined, t.args]);
    }
    mainPhase = false;
    mainTicks.length = 0;
    return undefined;
  }

  function queueMicrotask(fn) {
    if (typeof fn !== 'function') {
      throw new TypeErrorCtor('The "callback" argument must be of type function. Received ' + formatPrimitive(fn, true));
    }
    runAsJob(fn, []);
  }

  // Guest callbacks of timers, microtasks and process.nextTick run as promise jobs of their own,
  // so that their stacks hold only the guest's frames (nothing of this prelude or of the host's
  // call below them, as for a job V8 runs itself). The job is the built-in Reflect.apply bound
  // to the callback and its arguments (a bound built-in leaves no frame, and Reflect.apply
  // ignores the value the reaction passes); `then` is called on promises with no prototype, so
  // that no species constructor or `then` of the guest's is consulted; what the callback throws
  // rejects the job's promise, whose handler reports it as uncaught.
  const FunctionBind = Function.prototype.bind;
  const PromiseCtor = Promise;
  const settled = new PromiseCtor((resolve) => resolve(undefined));
  setPrototypeOf(settled, null);
  function runAsJob(fn, args) {
    const job = apply(FunctionBind, apply, [undefined, fn, undefined, args]);
    const done = apply(PromiseThen, settled, [job]);
    setPrototypeOf(done, null);
    apply(PromiseThen, done, [undefined, reportUncaught]);
  }

  // ------------------------------------------------------------------ unhandled promise rejections
  // V8 reports each promise rejected with no handler, and each handler added to one later, to
  // the host's PromiseRejectCallback (_rejections.py), which appends `promise, reason, id` here
  // (`promise, rejectionInbox, rejectionInbox` for a handler added later; a rejection handled at
  // once is dropped again, its promise overwritten with rejectionInbox) without running any
  // JavaScript. No guest code can reach this array: 'warm' hands it to the callback, which keeps
  // it where JavaScript cannot look. As Node (--unhandled-rejections=throw) does, a rejection still
  // unhandled once a macrotask's microtasks have drained goes to the 'unhandledRejection'
  // listeners, or, with none, ends the run like an uncaught exception (processRejections).
  const rejectionInbox = [];
  setPrototypeOf(rejectionInbox, null);
  const WeakMapDelete = WeakMap.prototype.delete;
  const rejectionInfo = new WeakMap(); // promise -> { reason, uid, warned }
  const pendingRejections = [];
  setPrototypeOf(pendingRejections, null);
  const handledLate = []; // promises reported to a listener, handled since ('rejectionHandled')
  setPrototypeOf(handledLate, null);
  let rejectionStop = false; // a fatal report is queued: nothing runs after it
  function handOverInbox() {
    const p = new PromiseCtor((resolve, reject) => reject(rejectionInbox));
    setPrototypeOf(p, null);
    apply(PromiseThen, p, [undefined, () => {}]);
    rejectionInbox.length = 0; // (the hand-over's own events)
  }
  function takeRejectionEvents() {
    const n = rejectionInbox.length;
    for (let i = 0; i + 2 < n; i += 3) {
      const promise = rejectionInbox[i];
      const reason = rejectionInbox[i + 1];
      if (promise === rejectionInbox) continue; // an entry the callback dropped (handled at once)
      if (reason !== rejectionInbox) {
        apply(WeakMapSet, rejectionInfo, [promise, { __proto__: null, reason, uid: rejectionInbox[i + 2], warned: false }]);
        pendingRejections[pendingRejections.length] = promise;
      } else {
        const info = apply(WeakMapGet, rejectionInfo, [promise]);
        if (info !== undefined) {
          apply(WeakMapDelete, rejectionInfo, [promise]);
          if (info.warned) handledLate[handledLate.length] = { __proto__: null, promise, uid: info.uid };
        }
      }
    }
    rejectionInbox.length = 0;
  }
  // Node's processPromiseRejections, at the same moments: true when it queued a job (the
  // listeners, or the fatal report), so that the host looks again before the next macrotask.
  function processRejections() {
    if (rejectionInbox.length === 0 && pendingRejections.length === 0 && handledLate.length === 0) return false;
    takeRejectionEvents();
    const late = newArray();
    for (let i = 0; i < handledLate.length; i++) late[i] = handledLate[i];
    handledLate.length = 0;
    const due = newArray();
    for (let i = 0; i < pendingRejections.length; i++) {
      const promise = pendingRejections[i];
      const info = apply(WeakMapGet, rejectionInfo, [promise]);
      if (info === undefined) continue;
      info.warned = true;
      due[due.length] = { __proto__: null, promise, reason: info.reason };
    }
    pendingRejections.length = 0;
    if (late.length === 0 && due.length === 0) return false;
    runAsJob(deliverRejections, [late, due]);
    return true;
  }
  // One job for the whole batch, as Node emits them in one loop: a listener that throws ends
  // the run there (an uncaught exception), before the next rejection is looked at.
  function deliverRejections(late, due) {
    for (let i = 0; i < late.length; i++) {
      if (!emit(processObject, 'rejectionHandled', [late[i].promise])) {
        write(1, `(node:${processObject.pid}) PromiseRejectionHandledWarning: Promise rejection was handled asynchronously (rejection id: ${late[i].uid})\n` +
          '(Use `node --trace-warnings ...` to show where the warning was created)\n');
      }
    }
    for (let i = 0; i < due.length; i++) {
      if (header[3] & (FLAG_UNCAUGHT | FLAG_OUTPUT | FLAG_EXIT)) return;
      const reason = due[i].reason;
      if (emit(processObject, 'unhandledRejection', [reason, due[i].promise])) continue;
      rejectionStop = true;
      // Node's isErrorLike (an own `stack`; a proxy's trap runs, and what it throws is the uncaught error).
      if (isObject(reason) && typeof reason === 'object' && hasOwn(reason, 'stack')) reportUncaught(reason);
      else reportUncaught(unhandledRejectionText(reason));
      return;
    }
  }
  // Node's message for a rejection with a reason that is not an error, with the reason as V8's
  // side-effect-free ToString renders it (Object::NoSideEffectsToString: no getter, toString or
  // proxy trap runs). V8 names an incompatible receiver in that same rendering; a Map is not a
  // Set, nothing is both.
  function unhandledRejectionText(reason) {
    let shown;
    if (typeof reason === 'function') {
      shown = apply(FunctionToString, reason, []);
      if (shown.length > 128) shown = apply(StringSlice, shown, [0, 111]) + '...<omitted>...' + apply(StringSlice, shown, [shown.length - 2]);
    } else {
      shown = incompatibleReceiver(MapSize, 'Map', reason);
      if (shown === undefined) shown = incompatibleReceiver(SetSize, 'Set', reason);
      if (shown === undefined) shown = '[object Object]';
    }
    return 'UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, ' +
      'or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason ' +
      `"${shown}". {\n  code: 'ERR_UNHANDLED_REJECTION'\n}`;
  }
  function incompatibleReceiver(getter, name, value) {
    try { apply(getter, value, []); } catch (e) {
      const d = getOwnPropertyDescriptor(e, 'message');
      const m = d === undefined ? undefined : d.value;
      const prefix = `Method get ${name}.prototype.size called on incompatible receiver `;
      if (typeof m === 'string' && apply(StringStartsWith, m, [prefix])) return apply(StringSlice, m, [prefix.length]);
    }
    return undefined;
  }

  // Which of two timers runs first: the one due first; of two due in the same millisecond, the
  // internal tasks (stdin) after the guest's timers, then the shorter delay, then the one set
  // first. A timer starts at the millisecond clock's reading when it is set, as in Node, so a
  // 2 ms timer set a few microseconds after a 3 ms one across a millisecond boundary falls due
  // with it; Node's timer heap then runs the shorter delay's list first (a list whose expiry ties
  // its parent's is not moved above it), which is also the order the two have when no boundary
  // falls between them. Taking the one set first flipped such a program's output in ~1.5 % of
  // runs on a loaded machine. An interval rescheduled to fall due with a longer timeout set with
  // it runs first in Node too (its list stays at the heap's root).
  function runsBefore(a, b) {
    if (a.due !== b.due) return a.due < b.due;
    const ta = a.seq >= 1e15, tb = b.seq >= 1e15;
    if (ta !== tb) return tb;
    if (a.ms !== b.ms) return a.ms < b.ms;
    return a.seq < b.seq;
  }
  // The earliest timer, or undefined when none is left that keeps the run alive (ref'd).
  function nextTimer() {
    let best;
    let alive = false;
    apply(MapForEach, timers, [(t, id) => {
      if (t.ref !== false) alive = true;
      if (best === undefined || runsBefore(t, best.t)) best = { __proto__: null, t, id };
    }]);
    return alive ? best : undefined;
  }

  // What tick() would do, without doing it: -1 when nothing is pending (or nothing more may
  // run), else the milliseconds until the next timer is due (0: due now). The host queues this
  // right behind the main script, so a program with no timers finishes in one round trip.
  function peek() {
    if (rejectionStop || header[3] & (FLAG_UNCAUGHT | FLAG_OUTPUT | FLAG_EXIT)) return -1;
    // A script that threw never reached its end (mainPhase): its uncaught error is the report.
    if (!mainPhase && processRejections()) return 0;
    if (exitEmitted) return -1;
    const best = nextTimer();
    if (best === undefined) return -1;
    return MathMax(0, best.t.due - apply(DateNow, null, []));
  }

  // Runs the earliest due timer. Returns -1 when nothing is pending, 0 after running one,
  // or the number of milliseconds until the next one is due.
  function tick() {
    // After an uncaught error (or the output cap) nothing more runs, as in Node. A microtask
    // that raised it may have run after the host last looked at the header.
    if (rejectionStop || header[3] & (FLAG_UNCAUGHT | FLAG_OUTPUT | FLAG_EXIT)) return -1;
    if (!mainPhase && processRejections()) return 0;
    if (exitEmitted) return -1;
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
    runAsJob(t.fn, t.args);
    return 0;
  }

  // ------------------------------------------------------------------ wrappers that look native
  // A wrapper of a built-in must be indistinguishable from it to ordinary code: the built-in's
  // length, name and property attributes; Function.prototype.toString shows it as native code
  // (the replacement toString is in its own table, so toString.call(toString) is native too);
  // each argument converted once, in the spec's order; and an error that V8 or this prelude
  // raises while no guest code runs has its stack captured at the guest's call, without this
  // prelude's frames (Error.captureStackTrace, cut at the wrapper). Errors thrown by guest code
  // that a wrapper calls (valueOf, iterators, getters) are the guest's and left as they are.
  const WeakMapCtor = WeakMap;
  const WeakMapGet = WeakMap.prototype.get;
  const WeakMapSet = WeakMap.prototype.set;
  const WeakMapHas = WeakMap.prototype.has;
  const ReflectSetPrototypeOf = R.setPrototypeOf;
  const SymbolToPrimitive = Symbol.toPrimitive;
  const MAX_SAFE = 9007199254740991;
  const nativeText = new WeakMapCtor();
  const isObject = (v) => v !== null && (typeof v === 'object' || typeof v === 'function');
  const fixed = (value) => ({ __proto__: null, value, writable: false, enumerable: false, configurable: true });

  function looksNative(fn, name) {
    apply(WeakMapSet, nativeText, [fn, `function ${name}() { [native code] }`]);
    return fn;
  }
  // `fn` takes the place of the built-in `holder[key]`: same length, name and attributes.
  function replaceBuiltin(holder, key, fn) {
    const d = getOwnPropertyDescriptor(holder, key);
    const original = d.value;
    const name = getOwnPropertyDescriptor(original, 'name').value;
    defineProperty(fn, 'length', fixed(getOwnPropertyDescriptor(original, 'length').value));
    defineProperty(fn, 'name', fixed(name));
    looksNative(fn, name);
    defineProperty(holder, key, { __proto__: null, value: fn, writable: d.writable, enumerable: d.enumerable, configurable: d.configurable });
  }

  function recapture(e, entry) {
    if (isObject(e)) { try { ErrorCaptureStackTrace(e, entry); } catch { /* not extensible */ } }
    return e;
  }
  // A built-in called with nothing that runs guest code: what it throws is V8's own error.
  function native(fn, self, args, entry) {
    try { return apply(fn, self, args); } catch (e) { throw recapture(e, entry); }
  }
  // The error V8 raises for `thunk`, a stand-in for the guest's value with the same fault.
  function throwNative(thunk, entry) {
    try { thunk(); } catch (e) { throw recapture(e, entry); }
    throw new TypeErrorCtor('internal error');
  }

  {
    const fnToString = {
      toString() {
        const text = apply(WeakMapGet, nativeText, [this]);
        if (text !== undefined) return text;
        return native(FunctionToString, this, [], fnToString);
      },
    }.toString;
    replaceBuiltin(Function.prototype, 'toString', fnToString);
  }

  // ToPrimitive(v, number) of an object, step by step as the spec has it, with V8's errors.
  function toPrimitiveNumber(v, entry) {
    const exotic = v[SymbolToPrimitive];
    if (exotic !== undefined && exotic !== null) {
      // (V8's built-ins word it otherwise than the `+` operator: one of them makes the error.)
      if (typeof exotic !== 'function') throwNative(() => construct(ArrayBufferCtor, [{ [SymbolToPrimitive]: exotic }]), entry);
      const r = apply(exotic, v, ['number']);
      if (isObject(r)) throwNative(() => +{ __proto__: null, [SymbolToPrimitive]: () => r }, entry);
      return r;
    }
    const valueOf = v.valueOf;
    if (typeof valueOf === 'function') {
      const r = apply(valueOf, v, []);
      if (!isObject(r)) return r;
    }
    const toStr = v.toString;
    if (typeof toStr === 'function') {
      const r = apply(toStr, v, []);
      if (!isObject(r)) return r;
    }
    return throwNative(() => +{ __proto__: null }, entry);
  }
  // ToNumber, once: a BigInt or a Symbol is V8's TypeError.
  function toNumber(v, entry) {
    const p = isObject(v) ? toPrimitiveNumber(v, entry) : v;
    if (typeof p === 'number') return p;
    try { return +p; } catch (e) { throw recapture(e, entry); }
  }
  const toIntegerOrInfinity = (v, entry) => MathTrunc(toNumber(v, entry)) || 0;
  function toLength(v, entry) {
    const n = toIntegerOrInfinity(v, entry);
    return n <= 0 ? 0 : MathMin(n, MAX_SAFE);
  }
  const validIndex = (n) => n >= 0 && n <= MAX_SAFE;
  function relativeIndex(v, len, entry) {
    const n = toIntegerOrInfinity(v, entry);
    return n < 0 ? MathMax(len + n, 0) : MathMin(n, len);
  }

  // ------------------------------------------------------------------ ArrayBuffer accounting
  // ArrayBuffer backing stores live outside the V8 heap and its limit, and mini-racer exposes no
  // ArrayBuffer::Allocator limit, so every built-in of this V8 that allocates one is charged
  // against a budget derived from memory_mb (tests/javascript/test_buffer_budget.py finds them
  // by probing every function reachable from the globals, and fails on one not guarded here).
  // Buffers of at most 64 bytes are allocated on the V8 heap and are not charged. Credit comes
  // back when a buffer is collected.
  let abBudget = CONFIG.bufferBudget;
  let abUsed = 0;
  // Bytes a guarded method has paid for the allocation it is making: a constructor trap that
  // the method reaches (through a species constructor) takes its charge from here first.
  let reserved = 0;
  const abRegistry = new FR((n) => { abUsed -= n; });
  const paidFor = new WeakMapCtor();
  const ABByteLengthGet = ABByteLength;
  let SABByteLength = null;
  if (CONFIG.sharedMemory && typeof SharedArrayBuffer === 'function') {
    SABByteLength = getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get;
  }
  const isArrayBuffer = (v) => brand(ABByteLengthGet, v);
  const isSharedBuffer = (v) => SABByteLength !== null && brand(SABByteLength, v);
  const isTypedArray = (v) => isObject(v) && apply(TATag, v, []) !== undefined;

  function refuse(bytes, entry) {
    header[3] |= FLAG_BUDGET;
    const e = new RangeErrorCtor(`Array buffer allocation failed: ${bytes} bytes exceed the sandbox memory limit`);
    ErrorCaptureStackTrace(e, entry);
    throw e;
  }
  // Charge an allocation of `bytes`, from the reservation first; returns what was charged.
  function charge(bytes, entry) {
    if (!(bytes > 64)) return 0;
    const fromReserve = MathMin(reserved, bytes);
    if (!(bytes - fromReserve <= abBudget - abUsed)) refuse(bytes, entry);
    reserved -= fromReserve;
    abUsed += bytes - fromReserve;
    return bytes;
  }
  function paid(owner, bytes) {
    if (!(bytes > 0) || !isObject(owner)) return;
    apply(WeakMapSet, paidFor, [owner, true]);
    apply(FRRegister, abRegistry, [owner, bytes]);
  }
  // (The typed array test first: it never throws. The buffer tests throw and catch a TypeError
  // for anything else, 20 us each.)
  function bufferOf(v) {
    if (isTypedArray(v)) return apply(TABuffer, v, []);
    if (isArrayBuffer(v) || isSharedBuffer(v)) return v;
    return null;
  }
  function byteLengthOf(buffer) {
    return isArrayBuffer(buffer) ? apply(ABByteLengthGet, buffer, []) : apply(SABByteLength, buffer, []);
  }

  // Construct `target` (a built-in) and record what it was charged. `quiet`: nothing in the call
  // can run guest code, so an error is V8's own.
  function allocate(target, args, newTarget, bytes, quiet, entry) {
    let obj;
    try {
      obj = construct(target, args, newTarget);
    } catch (e) {
      abUsed -= bytes;
      throw quiet ? recapture(e, entry) : e;
    }
    if (bytes) paid(bufferOf(obj), bytes);
    return obj;
  }

  // The guest sees, in place of a built-in constructor, either a Proxy of it whose construct
  // trap charges first (everything else goes to the built-in), or a function named as the
  // built-in with its own properties (in order), prototype object and [[Prototype]], whose
  // [[Construct]] charges and constructs the built-in (a call without `new` is the built-in's
  // TypeError). Each shows one difference, so each constructor gets the one ordinary code cannot
  // see. A Proxy is not a function to V8's message formatter: an instance whose prototype's
  // `constructor` is one is printed "[object ArrayBuffer]", not "#<ArrayBuffer>", in messages
  // such as "called on incompatible receiver" (typed arrays are printed "[object Uint8Array]"
  // either way). A function's [[Construct]] reads newTarget.prototype before its body runs, a
  // step early (test262 checks it for ArrayBuffer and the typed arrays with a throwing getter).
  // Typed arrays and ArrayBuffer get the Proxy, FinalizationRegistry and WebAssembly.Memory
  // (whose test262 tests see no difference) the function.
  function guardConstructor(holder, name, onConstruct, asProxy) {
    const original = holder[name];
    if (typeof original !== 'function') return null;
    let wrapper;
    if (asProxy) {
      const handler = {
        __proto__: null,
        construct(target, args, newTarget) {
          return onConstruct(target, args, newTarget === wrapper ? target : newTarget, trap);
        },
      };
      const trap = handler.construct;
      wrapper = new Proxy(original, handler);
    } else {
      wrapper = shellFor(name, (newTarget, args) => {
        if (newTarget === undefined) return native(original, undefined, args, wrapper);
        return onConstruct(original, args, newTarget === wrapper ? original : newTarget, wrapper);
      });
      const keys = ownKeys(original);
      for (let i = 0; i < keys.length; i++) defineProperty(wrapper, keys[i], getOwnPropertyDescriptor(original, keys[i]));
      ReflectSetPrototypeOf(wrapper, getPrototypeOf(original));
    }
    looksNative(wrapper, name);
    defineProperty(original.prototype, 'constructor', hidden(wrapper));
    defineProperty(holder, name, hidden(wrapper));
    return wrapper;
  }

  // A function whose own name (the one V8 itself prints) is the built-in's, calling `body`.
  function shellFor(name, body) {
    const shells = {
      __proto__: null,
      FinalizationRegistry: function (...args) { return body(new.target, args); },
      Memory: function (...args) { return body(new.target, args); },
    };
    return shells[name];
  }
  // GetPrototypeFromConstructor(newTarget, the built-in's intrinsic prototype), read once where
  // the spec reads it; the object is then made by the built-in itself and given that prototype.
  function prototypeFrom(newTarget, target) {
    const p = newTarget.prototype;
    return isObject(p) ? p : target.prototype;
  }
  function withPrototype(obj, proto) {
    if (proto !== null && proto !== getPrototypeOf(obj)) ReflectSetPrototypeOf(obj, proto);
    return obj;
  }

  // ArrayBuffer(length, options) and SharedArrayBuffer(length, options): ToIndex(length), then
  // options.maxByteLength (any object, a function too), then V8 allocates.
  function bufferConstructor(target, args, newTarget, trap) {
    const n = args[0] === undefined ? 0 : toNumber(args[0], trap);
    const len = MathTrunc(n) || 0;
    if (!validIndex(len)) return allocate(target, [n], target, 0, true, trap); // V8's RangeError
    const opts = args[1];
    let max;
    if (isObject(opts)) {
      const m = opts.maxByteLength;
      if (m !== undefined) max = toNumber(m, trap);
    }
    const clean = max === undefined ? [n] : [n, { __proto__: null, maxByteLength: max }];
    if (max !== undefined) {
      const limit = MathTrunc(max) || 0;
      if (!validIndex(limit) || len > limit) return allocate(target, clean, target, 0, true, trap); // V8's RangeError
    }
    // AllocateArrayBuffer reads newTarget.prototype after those checks, before the allocation.
    const proto = newTarget === target ? null : prototypeFrom(newTarget, target);
    return withPrototype(allocate(target, clean, target, charge(len, trap), true, trap), proto);
  }
  guardConstructor(G, 'ArrayBuffer', bufferConstructor, true);
  if (SABByteLength !== null) guardConstructor(G, 'SharedArrayBuffer', bufferConstructor, true);

  // The typed array constructors (ECMA-262 23.2.5.1): a primitive is a length (ToIndex, V8's
  // to do); a typed array is copied; a buffer is viewed (nothing allocated); any other object,
  // functions included, is iterated when it has a Symbol.iterator method (whatever it is, the
  // guest's own on an array too) and read as an array-like otherwise.
  const typedArrayNames = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
    'Int32Array', 'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];
  const allPrimitive = (args) => {
    for (let i = 0; i < args.length; i++) if (isObject(args[i])) return false;
    return true;
  };
  const ArrayValues = Array.prototype.values;
  const ArrayIteratorProto = getPrototypeOf([][SymbolIterator]());
  const ArrayIteratorNext = ArrayIteratorProto.next;
  // Whether %ArrayIteratorPrototype%.next is still the built-in (read as a descriptor of an
  // ordinary object: no getter of the guest runs).
  const arrayIteratorIntact = () => {
    const d = getOwnPropertyDescriptor(ArrayIteratorProto, 'next');
    return d !== undefined && d.value === ArrayIteratorNext;
  };
  for (let i = 0; i < typedArrayNames.length; i++) {
    const name = typedArrayNames[i];
    const original = G[name];
    if (typeof original !== 'function') continue;
    const bpe = original.BYTES_PER_ELEMENT;
    guardConstructor(G, name, (target, args, newTarget, trap) => {
      const quiet = newTarget === target;
      if (args.length === 0) return allocate(target, [], newTarget, 0, quiet, trap);
      const first = args[0];
      if (!isObject(first)) {
        // ToIndex of a primitive has no side effect: reckoned here, and V8 throws its errors.
        let len = -1;
        if (typeof first !== 'bigint' && typeof first !== 'symbol') len = MathTrunc(+first) || 0;
        if (!validIndex(len)) return allocate(target, [first], target, 0, true, trap);
        // AllocateTypedArray reads newTarget.prototype next, then allocates.
        const proto = quiet ? null : prototypeFrom(newTarget, target);
        return withPrototype(allocate(target, [first], target, charge(len * bpe, trap), true, trap), proto);
      }
      if (isTypedArray(first)) {
        return allocate(target, [first], newTarget, charge(apply(TALength, first, []) * bpe, trap), quiet, trap);
      }
      if (typeof first === 'object' && !ArrayIsArray(first) && (isArrayBuffer(first) || isSharedBuffer(first))) {
        return allocate(target, args, newTarget, 0, quiet && allPrimitive(args), trap);
      }
      // AllocateTypedArray gets the prototype from newTarget before the argument is read.
      const proto = quiet ? null : prototypeFrom(newTarget, target);
      const using = first[SymbolIterator];
      let values = null;
      let len;
      if (using !== undefined && using !== null) {
        if (typeof using !== 'function') {
          return throwNative(() => construct(target, [{ __proto__: null, [SymbolIterator]: using }]), trap);
        }
        if (using === ArrayValues && arrayIteratorIntact()) {
          // The built-in array iterator, untouched: its steps without the iterator objects
          // (each step reads the length, then the element), 10x faster for small arrays.
          values = [];
          ReflectSetPrototypeOf(values, null); // [[Set]] below meets no setter of the guest's
          for (let k = 0; k < toLength(first.length, trap); k++) values[k] = first[k];
        } else {
          // IteratorToList(GetIteratorFromMethod(first, using)), by V8 (its errors, its checks).
          values = apply(ArrayFrom, undefined, [{ __proto__: null, [SymbolIterator]() { return apply(using, first, []); } }]);
        }
        len = values.length;
      } else {
        len = toLength(first.length, trap);
      }
      const ta = withPrototype(allocate(target, [len], target, charge(len * bpe, trap), true, trap), proto);
      let k = 0;
      let v;
      let reading = false;
      try {
        if (values !== null) {
          for (; k < len; k++) { v = values[k]; ta[k] = v; }
        } else {
          for (; k < len; k++) { reading = true; v = first[k]; reading = false; ta[k] = v; }
        }
      } catch (e) {
        throw reading || isObject(v) ? e : recapture(e, trap); // a BigInt into a Float64Array: V8's
      }
      return ta;
    }, true);
  }

  // Built-in methods that allocate a backing store. `plan(self, args, entry)` returns the most
  // the call can allocate, or -1 when `self`/`args` are not what the built-in takes (it throws
  // before running anything); it may replace an argument by its converted number, so that the
  // built-in never converts it a second time. `grows`: the allocation enlarges `self` (resize,
  // grow) instead of making a new buffer.
  function guardMethod(holder, key, plan, grows) {
    const d = getOwnPropertyDescriptor(holder, key);
    if (d === undefined || typeof d.value !== 'function') return;
    const original = d.value;
    const wrapped = {
      [key](...args) {
        const bound = plan(this, args, wrapped);
        if (bound < 0) return native(original, this, args, wrapped);
        const saved = reserved;
        reserved = charge(bound, wrapped);
        let result;
        try {
          result = apply(original, this, args);
        } catch (e) {
          abUsed -= reserved; // what no allocation took
          reserved = saved;
          throw e;
        }
        const leftover = reserved;
        reserved = saved;
        if (grows) {
          paid(this, leftover);
          return result;
        }
        abUsed -= leftover;
        // A species constructor reached a trap (it paid), or the built-in allocated directly.
        const buffer = bufferOf(result);
        if (buffer !== null && !apply(WeakMapHas, paidFor, [buffer])) {
          const bytes = byteLengthOf(buffer);
          paid(buffer, charge(bytes, wrapped));
        }
        return result;
      },
    }[key];
    replaceBuiltin(holder, key, wrapped);
  }
  const TAP = TypedArray.prototype;
  const taBytes = (self) => (isTypedArray(self) ? apply(TAByteLength, self, []) : -1);
  const abBytes = (self) => (isArrayBuffer(self) ? apply(ABByteLengthGet, self, []) : -1);
  const sabBytes = (self) => (isSharedBuffer(self) ? apply(SABByteLength, self, []) : -1);
  guardMethod(TAP, 'slice', taBytes);
  guardMethod(TAP, 'map', taBytes);
  guardMethod(TAP, 'filter', taBytes);
  guardMethod(TAP, 'toReversed', taBytes);
  guardMethod(TAP, 'toSorted', taBytes);
  guardMethod(TAP, 'with', taBytes);
  const ABP = ArrayBufferCtor.prototype;
  const ABResizable = getOwnPropertyDescriptor(ABP, 'resizable').get;
  guardMethod(ABP, 'slice', abBytes);
  const transferPlan = (self, args, entry) => {
    const now = abBytes(self);
    if (now < 0 || args[0] === undefined) return now;
    const n = toNumber(args[0], entry);
    args[0] = n;
    const len = MathTrunc(n) || 0;
    return validIndex(len) ? len : 0; // V8 throws its RangeError
  };
  guardMethod(ABP, 'transfer', transferPlan);
  guardMethod(ABP, 'transferToFixedLength', transferPlan);
  const growPlan = (bytesOf, growable) => (self, args, entry) => {
    const now = bytesOf(self);
    if (now < 0 || !apply(growable, self, [])) return -1;
    const n = toNumber(args[0], entry);
    args[0] = n;
    const len = MathTrunc(n) || 0;
    return validIndex(len) ? MathMax(0, len - now) : 0;
  };
  guardMethod(ABP, 'resize', growPlan(abBytes, ABResizable), true);
  if (SABByteLength !== null) {
    const SABP = SharedArrayBuffer.prototype;
    guardMethod(SABP, 'slice', sabBytes);
    guardMethod(SABP, 'grow', growPlan(sabBytes, getOwnPropertyDescriptor(SABP, 'growable').get), true);
  }
  // Uint8Array.fromBase64/fromHex decode a string into a new buffer: at most 3 bytes per 4
  // characters, 1 per 2.
  guardMethod(Uint8Array, 'fromBase64', (self, args) => (typeof args[0] === 'string' ? MathFloor((args[0].length + 3) / 4) * 3 : -1));
  guardMethod(Uint8Array, 'fromHex', (self, args) => (typeof args[0] === 'string' ? MathFloor(args[0].length / 2) : -1));
  // TypedArray.from/of and subarray construct through `this` or a species constructor: a trap.

  if (CONFIG.wasm && typeof WebAssembly === 'object') {
    const W = WebAssembly;
    const MemoryProto = W.Memory.prototype;
    // The descriptor is V8's to read (once, in its order); the new memory is charged right
    // after, before the guest has it: its pages are reserved, not yet touched (no resident
    // memory), and a refused one is garbage.
    const MemoryBuffer = getOwnPropertyDescriptor(MemoryProto, 'buffer').get;
    guardConstructor(W, 'Memory', (target, args, newTarget, entry) => {
      const mem = construct(target, args, newTarget);
      const buffer = apply(MemoryBuffer, mem, []);
      paid(mem, charge(isArrayBuffer(buffer) ? apply(ABByteLengthGet, buffer, []) : byteLengthOf(buffer), entry));
      return mem;
    });
    const memBytes = (self) => {
      try { return apply(getOwnPropertyDescriptor(MemoryProto, 'buffer').get, self, []).byteLength; } catch { return -1; }
    };
    guardMethod(MemoryProto, 'grow', (self, args, entry) => {
      if (memBytes(self) < 0) return -1;
      const n = toNumber(args[0], entry);
      args[0] = n;
      return (MathTrunc(n) || 0) * 65536;
    }, true);
  }

  // ------------------------------------------------------------------ Array.prototype.fill/copyWithin
  // V8's fill/copyWithin on a sparse (dictionary-mode) array are C++ loops that never check for
  // termination: they outlive the deadline and can grow a hash table until V8 aborts the whole
  // process ("invalid table size"). These are the spec's algorithms (ECMA-262 23.1.3.7 and
  // 23.1.3.4) as ordinary JavaScript: interruptible, bounded by the heap limit, as fast as the
  // built-ins on dense arrays (measured: 1e7 elements 140 ms vs 95 ms, 1e6 72 vs 118 ms).
  const nativeFill = Array.prototype.fill;
  const nativeCopyWithin = Array.prototype.copyWithin;
  const arrayMethods = {
    fill(value, start, end) {
      if (this === undefined || this === null) native(nativeFill, this, [], arrayMethods.fill);
      const o = ObjectCtor(this);
      const len = toLength(o.length, arrayMethods.fill);
      let k = relativeIndex(start, len, arrayMethods.fill);
      const final = end === undefined ? len : relativeIndex(end, len, arrayMethods.fill);
      for (; k < final; k++) o[k] = value;
      return o;
    },
    copyWithin(target, start, end) {
      if (this === undefined || this === null) native(nativeCopyWithin, this, [], arrayMethods.copyWithin);
      const o = ObjectCtor(this);
      const len = toLength(o.length, arrayMethods.copyWithin);
      let to = relativeIndex(target, len, arrayMethods.copyWithin);
      let from = relativeIndex(start, len, arrayMethods.copyWithin);
      const final = end === undefined ? len : relativeIndex(end, len, arrayMethods.copyWithin);
      let count = MathMin(final - from, len - to);
      let direction = 1;
      if (from < to && to < from + count) {
        direction = -1;
        from += count - 1;
        to += count - 1;
      }
      for (; count > 0; count--) {
        if (from in o) o[to] = o[from];
        else delete o[to];
        from += direction;
        to += direction;
      }
      return o;
    },
  };
  replaceBuiltin(Array.prototype, 'fill', arrayMethods.fill);
  replaceBuiltin(Array.prototype, 'copyWithin', arrayMethods.copyWithin);

  // ------------------------------------------------------------------ FinalizationRegistry
  // A cleanup callback runs as a task of its own, outside any host call: an exception it threw
  // would go to V8's default message reporter, which prints on the host process's stdout. Each
  // callback is wrapped so that its exception is reported like any uncaught error, in the run's
  // own output (and counted against its cap).
  guardConstructor(G, 'FinalizationRegistry', (target, args, newTarget) => {
    const cb = args[0];
    const cleanup = typeof cb !== 'function' ? cb : function (held) {
      try { apply(cb, undefined, [held]); } catch (e) { reportUncaught(e); }
    };
    return construct(target, [cleanup], newTarget);
  });

  // ------------------------------------------------------------------ Node-style input and output
  // Pure shims over the run's stdin and output, as programs written for Node use them: require()
  // of 'fs' (stdin reads only), 'readline' and 'process'; process.stdin/stdout/stderr, argv, env,
  // exit, exitCode, nextTick, hrtime; module/exports. Nothing here reaches the host: stdin is the
  // text the host handed to `begin`, output goes through write(). Every other module stays
  // refused by the host's static scan, and at run time by require() itself.
  const GuardedUint8Array = G.Uint8Array;
  const isUint8Array = (v) => isTypedArray(v) && apply(TATag, v, []) === 'Uint8Array';
  let stdinText = '';
  let stdinTaken = false;
  // stdin behaves as a pipe: what one reader takes, a later reader does not see again.
  function takeStdin() {
    if (stdinTaken) return '';
    stdinTaken = true;
    return stdinText;
  }
  function nodeError(Ctor, message, code, entry) {
    const e = new Ctor(message);
    defineProperty(e, 'code', hidden(code));
    ErrorCaptureStackTrace(e, entry);
    // Node heads the stack of its own errors 'TypeError [ERR_X]: message'.
    const text = e.stack;
    const head = `${e.name}: ${message}`;
    if (typeof text === 'string' && apply(StringStartsWith, text, [head])) {
      defineProperty(e, 'stack', hidden(`${e.name} [${code}]: ${message}` + apply(StringSlice, text, [head.length])));
    }
    return e;
  }
  function typeName(v) {
    if (v === null) return 'null';
    if (typeof v === 'function') return 'function ' + functionName(v);
    if (typeof v === 'object') return 'an instance of ' + (constructorName(v) || 'Object');
    return 'type ' + typeof v + ' (' + formatPrimitive(v, true) + ')';
  }
  const newArray = () => { const a = []; setPrototypeOf(a, null); return a; };

  // UTF-8, both ways, in plain loops (no built-in the guest could replace is consulted).
  function utf8Bytes(s) {
    const n = s.length;
    let size = 0;
    for (let i = 0; i < n; i++) {
      const c = apply(charCodeAt, s, [i]);
      if (c < 0x80) size += 1;
      else if (c < 0x800) size += 2;
      else if (c >= 0xd800 && c < 0xdc00 && i + 1 < n && (apply(charCodeAt, s, [i + 1]) & 0xfc00) === 0xdc00) { size += 4; i++; }
      else size += 3;
    }
    const out = new GuardedUint8Array(size);
    let p = 0;
    for (let i = 0; i < n; i++) {
      let c = apply(charCodeAt, s, [i]);
      if (c < 0x80) { out[p++] = c; continue; }
      if (c < 0x800) { out[p++] = 0xc0 | (c >> 6); out[p++] = 0x80 | (c & 63); continue; }
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < n && (apply(charCodeAt, s, [i + 1]) & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (apply(charCodeAt, s, [++i]) - 0xdc00);
        out[p++] = 0xf0 | (c >> 18); out[p++] = 0x80 | ((c >> 12) & 63);
        out[p++] = 0x80 | ((c >> 6) & 63); out[p++] = 0x80 | (c & 63);
        continue;
      }
      if (c >= 0xd800 && c < 0xe000) c = 0xfffd; // a lone surrogate, as Node encodes it
      out[p++] = 0xe0 | (c >> 12); out[p++] = 0x80 | ((c >> 6) & 63); out[p++] = 0x80 | (c & 63);
    }
    return out;
  }
  function codesToString(units) {
    let s = '';
    const chunk = newArray();
    let k = 0;
    for (let i = 0; i < units.length; i++) {
      chunk[k++] = units[i];
      if (k === 8192) { s += apply(StringFromCharCode, undefined, chunk); k = 0; chunk.length = 0; }
    }
    chunk.length = k;
    return s + apply(StringFromCharCode, undefined, chunk);
  }
  // Decodes bytes[start, end) as the WHATWG decoder does (Node's): U+FFFD per maximal bad subpart.
  function utf8Decode(bytes, start, end) {
    const units = newArray();
    let u = 0;
    let i = start;
    while (i < end) {
      const b = bytes[i];
      if (b < 0x80) { units[u++] = b; i++; continue; }
      let need = 0;
      let cp = 0;
      let lower = 0x80;
      let upper = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 31; }
      else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 15; if (b === 0xe0) lower = 0xa0; if (b === 0xed) upper = 0x9f; }
      else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 7; if (b === 0xf0) lower = 0x90; if (b === 0xf4) upper = 0x8f; }
      else { units[u++] = 0xfffd; i++; continue; }
      let j = i + 1;
      let ok = true;
      for (let k = 0; k < need; k++, j++) {
        const c = j < end ? bytes[j] : -1;
        if (c < lower || c > upper) { ok = false; break; }
        lower = 0x80; upper = 0xbf;
        cp = (cp << 6) | (c & 63);
      }
      if (!ok) { units[u++] = 0xfffd; i = j; continue; }
      if (cp >= 0x10000) { cp -= 0x10000; units[u++] = 0xd800 + (cp >> 10); units[u++] = 0xdc00 + (cp & 1023); }
      else units[u++] = cp;
      i = j;
    }
    return codesToString(units);
  }
  function normEncoding(enc) {
    const e = apply(StringToLowerCase, StringCtor(enc), []);
    if (e === 'utf8' || e === 'utf-8') return 'utf8';
    if (e === 'latin1' || e === 'binary') return 'latin1';
    if (e === 'ascii' || e === 'hex' || e === 'base64') return e;
    return null;
  }
  function decodeBytes(bytes, encoding, start, end, entry) {
    const enc = encoding === undefined ? 'utf8' : normEncoding(encoding);
    if (enc === null) throw nodeError(TypeErrorCtor, `Unknown encoding: ${StringCtor(encoding)}`, 'ERR_UNKNOWN_ENCODING', entry);
    if (enc === 'utf8') return utf8Decode(bytes, start, end);
    if (enc === 'hex' || enc === 'base64') {
      const copy = new GuardedUint8Array(end - start);
      for (let i = start; i < end; i++) copy[i - start] = bytes[i];
      return apply(enc === 'hex' ? U8ToHex : U8ToBase64, copy, []);
    }
    const units = newArray();
    for (let i = start; i < end; i++) units[i - start] = enc === 'ascii' ? bytes[i] & 0x7f : bytes[i];
    return codesToString(units);
  }
  // What fs.readFileSync without an encoding and stdin without setEncoding give: the bytes, as a
  // Uint8Array whose toString(encoding, start, end) decodes them, as a Node Buffer's does.
  const bufferMethods = {
    toString(encoding, start, end) {
      if (!isUint8Array(this)) return native(ObjectToString, this, [], bufferMethods.toString);
      const len = apply(TALength, this, []);
      const s = start === undefined ? 0 : MathMax(0, MathMin(len, MathTrunc(+start) || 0));
      const e = end === undefined ? len : MathMax(s, MathMin(len, MathTrunc(+end) || 0));
      return decodeBytes(this, encoding, s, e, bufferMethods.toString);
    },
    toJSON() {
      const data = [];
      const len = isUint8Array(this) ? apply(TALength, this, []) : 0;
      for (let i = 0; i < len; i++) push(data, this[i]);
      return { type: 'Buffer', data };
    },
  };
  const BufferProto = { __proto__: U8Proto };
  defineProperty(BufferProto, 'toString', hidden(bufferMethods.toString));
  defineProperty(BufferProto, 'toJSON', hidden(bufferMethods.toJSON));
  defineProperty(BufferProto, SymbolToStringTag, { __proto__: null, get: getOwnPropertyDescriptor(TypedArray.prototype, SymbolToStringTag).get, configurable: true });
  function makeBuffer(text) {
    const bytes = utf8Bytes(text);
    setPrototypeOf(bytes, BufferProto);
    return bytes;
  }
  // A chunk as text: a string, or the bytes of a Uint8Array decoded as UTF-8.
  function chunkText(chunk, what, entry) {
    if (typeof chunk === 'string') return chunk;
    if (isUint8Array(chunk)) return utf8Decode(chunk, 0, apply(TALength, chunk, []));
    throw nodeError(TypeErrorCtor, `The "${what}" argument must be of type string or an instance of Buffer or Uint8Array. Received ${typeName(chunk)}`, 'ERR_INVALID_ARG_TYPE', entry);
  }

  // ---- events: the subset of Node's EventEmitter that these objects need
  const listenerTable = new WeakMapCtor(); // emitter -> Map(event -> array of { fn, once })
  const listenHooks = new WeakMapCtor(); // emitter -> function(event), told of each new listener
  function listenersOf(emitter, event, create) {
    let table = apply(WeakMapGet, listenerTable, [emitter]);
    if (table === undefined) {
      if (!create) return undefined;
      table = new MapCtor();
      apply(WeakMapSet, listenerTable, [emitter, table]);
    }
    let list = apply(MapGet, table, [event]);
    if (list === undefined && create) { list = newArray(); apply(MapSet, table, [event, list]); }
    return list;
  }
  function addListener(emitter, event, fn, once, prepend, entry) {
    if (typeof fn !== 'function') {
      throw nodeError(TypeErrorCtor, `The "listener" argument must be of type function. Received ${typeName(fn)}`, 'ERR_INVALID_ARG_TYPE', entry);
    }
    const list = listenersOf(emitter, event, true);
    const item = { __proto__: null, fn, once };
    if (prepend) {
      for (let i = list.length; i > 0; i--) list[i] = list[i - 1];
      list[0] = item;
    } else {
      list[list.length] = item;
    }
    const hook = apply(WeakMapGet, listenHooks, [emitter]);
    if (hook !== undefined) hook(event);
  }
  function removeListener(emitter, event, fn) {
    const list = listenersOf(emitter, event, false);
    if (list === undefined) return;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i].fn === fn) {
        for (let j = i; j < list.length - 1; j++) list[j] = list[j + 1];
        list.length--;
        return;
      }
    }
  }
  // Calls the listeners registered when the event is emitted, in order; a `once` listener is
  // removed before it is called. Returns whether there were any.
  function emit(emitter, event, args) {
    const list = listenersOf(emitter, event, false);
    if (list === undefined || list.length === 0) {
      if (event === 'error') throw args[0];
      return false;
    }
    const snapshot = newArray();
    for (let i = 0; i < list.length; i++) snapshot[i] = list[i];
    for (let i = 0; i < snapshot.length; i++) {
      const item = snapshot[i];
      if (item.once) removeListener(emitter, event, item.fn);
      apply(item.fn, emitter, args);
    }
    return true;
  }
  const emitterMethods = {
    on(event, listener) { addListener(this, event, listener, false, false, emitterMethods.on); return this; },
    addListener(event, listener) { addListener(this, event, listener, false, false, emitterMethods.addListener); return this; },
    once(event, listener) { addListener(this, event, listener, true, false, emitterMethods.once); return this; },
    prependListener(event, listener) { addListener(this, event, listener, false, true, emitterMethods.prependListener); return this; },
    prependOnceListener(event, listener) { addListener(this, event, listener, true, true, emitterMethods.prependOnceListener); return this; },
    off(event, listener) { removeListener(this, event, listener); return this; },
    removeListener(event, listener) { removeListener(this, event, listener); return this; },
    removeAllListeners(event) {
      const table = apply(WeakMapGet, listenerTable, [this]);
      if (table !== undefined) {
        if (event === undefined) apply(WeakMapSet, listenerTable, [this, new MapCtor()]);
        else apply(MapDelete, table, [event]);
      }
      return this;
    },
    emit(event, ...args) { return emit(this, event, args); },
    listenerCount(event) { const list = listenersOf(this, event, false); return list === undefined ? 0 : list.length; },
    listeners(event) {
      const list = listenersOf(this, event, false);
      const out = [];
      if (list !== undefined) for (let i = 0; i < list.length; i++) push(out, list[i].fn);
      return out;
    },
    setMaxListeners() { return this; },
  };
  function makeEmitter(obj, hook) {
    const keys = ownKeys(emitterMethods);
    for (let i = 0; i < keys.length; i++) defineProperty(obj, keys[i], hidden(emitterMethods[keys[i]]));
    if (hook !== undefined) apply(WeakMapSet, listenHooks, [obj, hook]);
    return obj;
  }
  // An internal macrotask (stdin delivery): a timer no guest id can clear, due in 1 ms and after
  // the guest's timers due then (Node reads a pipe in its poll phase, after expired timers).
  function addTask(fn) {
    apply(MapSet, timers, [{ __proto__: null }, { __proto__: null, fn, args: [], ms: 1, repeat: false,
      due: apply(DateNow, null, []) + 1, seq: 1e15 + timerSeq++ }]);
    header[4] = apply(MapSize, timers, []);
  }
  // A promise, its resolve function, with no `then` or species of the guest consulted.
  function pending() {
    let resolve;
    const p = new PromiseCtor((r) => { resolve = r; });
    return { __proto__: null, promise: p, resolve };
  }
  // An async iterator over what `subscribe(push, end)` delivers (for await of stdin, readline).
  function asyncQueue(subscribe, onReturn) {
    const items = newArray();
    let head = 0;
    let ended = false;
    let waiter = null;
    subscribe((v) => {
      if (waiter !== null) { const w = waiter; waiter = null; w.resolve({ value: v, done: false }); } else items[items.length] = v;
    }, () => {
      ended = true;
      if (waiter !== null) { const w = waiter; waiter = null; w.resolve({ value: undefined, done: true }); }
    });
    const iterator = {
      next() {
        if (head < items.length) { const v = items[head]; items[head++] = undefined; return apply(PromiseResolve, PromiseCtor, [{ value: v, done: false }]); }
        if (ended) return apply(PromiseResolve, PromiseCtor, [{ value: undefined, done: true }]);
        if (waiter === null) waiter = pending();
        return waiter.promise;
      },
      return() {
        ended = true;
        if (onReturn !== undefined) onReturn();
        return apply(PromiseResolve, PromiseCtor, [{ value: undefined, done: true }]);
      },
      [Symbol.asyncIterator]() { return this; },
    };
    return iterator;
  }

  // ---- process.stdin: one 'data' chunk (all of stdin, if any) in a task, then 'end' and 'close'
  let stdinEncoding = null;
  let stdinFlowing = false;
  let stdinEnded = false;
  let stdinReadable = null; // paused mode ('readable' listeners): the chunk read() returns
  const stdin = makeEmitter({ fd: 0, readable: true, isTTY: undefined }, (event) => {
    if (event === 'data' || event === 'readable' || event === 'end' || event === 'close') startStdin();
  });
  function stdinChunk(text) {
    if (stdinEncoding === null) return makeBuffer(text);
    if (stdinEncoding === 'utf8') return text;
    const bytes = utf8Bytes(text);
    return decodeBytes(bytes, stdinEncoding, 0, apply(TALength, bytes, []), startStdin);
  }
  function startStdin() {
    if (stdinFlowing) return;
    stdinFlowing = true;
    addTask(() => {
      const text = takeStdin();
      const paused = listenersOf(stdin, 'readable', false);
      if (paused !== undefined && paused.length > 0) {
        stdinReadable = text === '' ? null : stdinChunk(text);
        if (stdinReadable !== null) emit(stdin, 'readable', []);
      } else if (text !== '') {
        emit(stdin, 'data', [stdinChunk(text)]);
      }
      addTask(() => {
        stdinEnded = true;
        stdinReadable = null;
        emit(stdin, 'readable', []);
        emit(stdin, 'end', []);
        emit(stdin, 'close', []);
      });
    });
  }
  const stdinMethods = {
    setEncoding(encoding) {
      const e = encoding === undefined ? 'utf8' : normEncoding(encoding);
      if (e === null) throw nodeError(TypeErrorCtor, `Unknown encoding: ${StringCtor(encoding)}`, 'ERR_UNKNOWN_ENCODING', stdinMethods.setEncoding);
      stdinEncoding = e;
      return this;
    },
    resume() { startStdin(); return this; },
    pause() { return this; },
    read() { const c = stdinReadable; stdinReadable = null; return c; },
    unref() { return this; },
    ref() { return this; },
    [Symbol.asyncIterator]() {
      startStdin();
      return asyncQueue((push, end) => {
        addListener(stdin, 'data', push, false, false);
        addListener(stdin, 'end', end, false, false);
        if (stdinEnded) end();
      });
    },
  };
  {
    const keys = ownKeys(stdinMethods);
    for (let i = 0; i < keys.length; i++) defineProperty(stdin, keys[i], hidden(stdinMethods[keys[i]]));
  }

  // ---- process.stdout, process.stderr
  function makeWritable(stream, fd) {
    const methods = {
      write(chunk, encoding, callback) {
        write(stream, chunkText(chunk, 'chunk', methods.write));
        const cb = typeof encoding === 'function' ? encoding : callback;
        if (typeof cb === 'function') runAsJob(cb, [null]);
        return true;
      },
      end(chunk, encoding, callback) {
        if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') write(stream, chunkText(chunk, 'chunk', methods.end));
        return this;
      },
      cork() {},
      uncork() {},
    };
    const obj = makeEmitter({ fd, writable: true, isTTY: undefined });
    const keys = ownKeys(methods);
    for (let i = 0; i < keys.length; i++) defineProperty(obj, keys[i], hidden(methods[keys[i]]));
    return obj;
  }

  // ---- process
  let exitCode;
  let exiting = false;
  function setExitCode(code, entry) {
    if (code === undefined || code === null) { exitCode = undefined; return; }
    let n = code;
    if (typeof code === 'string' && code !== '' && NumberCtor(code) === MathTrunc(NumberCtor(code))) n = NumberCtor(code);
    if (typeof n !== 'number' || MathTrunc(n) !== n) {
      throw nodeError(TypeErrorCtor, `The "code" argument must be of type number. Received ${typeName(code)}`, 'ERR_INVALID_ARG_TYPE', entry);
    }
    exitCode = n;
    header[6] = n;
    header[3] |= FLAG_EXIT_CODE;
  }
  // Runs the 'exit' listeners once, with the code the run ends with.
  function emitExit() {
    if (exiting) return;
    exiting = true;
    emit(processObject, 'exit', [exitCode === undefined ? 0 : exitCode]);
  }
  const processMethods = {
    exit(code) {
      if (code !== undefined) setExitCode(code, processMethods.exit);
      if (!(header[3] & FLAG_EXIT)) {
        try { emitExit(); } finally {
          header[6] = exitCode === undefined ? 0 : exitCode;
          header[3] |= FLAG_EXIT;
        }
      }
      throw EXIT;
    },
    nextTick(callback, ...args) {
      if (typeof callback !== 'function') {
        throw nodeError(TypeErrorCtor, `The "callback" argument must be of type function. Received ${typeName(callback)}`, 'ERR_INVALID_ARG_TYPE', processMethods.nextTick);
      }
      if (mainPhase) { mainTicks[mainTicks.length] = { __proto__: null, callback, args }; return; }
      if (!exitEmitted) runAsJob(callback, args);
    },
    hrtime(previous) {
      const ms = apply(DateNow, null, []);
      let sec = MathFloor(ms / 1000);
      let ns = (ms - sec * 1000) * 1e6;
      if (previous !== undefined) {
        sec -= previous[0];
        ns -= previous[1];
        if (ns < 0) { sec--; ns += 1e9; }
      }
      return [sec, ns];
    },
    cwd() { return '/'; },
    uptime() { return (apply(DateNow, null, []) - startedAt) / 1000; },
    memoryUsage() { return { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: abUsed }; },
  };
  let startedAt = apply(DateNow, null, []);
  {
    const hr = processMethods.hrtime;
    const bigintOf = { bigint() { return BigInt(apply(DateNow, null, [])) * 1000000n; } }.bigint;
    defineProperty(hr, 'bigint', hidden(bigintOf));
  }
  const processObject = makeEmitter({
    argv: ['node', 'main.js'], argv0: 'node', execArgv: [], env: {}, platform: 'linux', pid: 1, ppid: 0,
    stdin, stdout: makeWritable(0, 1), stderr: makeWritable(1, 2),
  }, (event) => { if (event === 'exit') header[3] |= FLAG_EXIT_LISTENERS; });
  {
    const keys = ownKeys(processMethods);
    for (let i = 0; i < keys.length; i++) defineProperty(processObject, keys[i], hidden(processMethods[keys[i]]));
    const accessors = {
      get exitCode() { return exitCode; },
      set exitCode(code) { setExitCode(code, getOwnPropertyDescriptor(accessors, 'exitCode').set); },
    };
    const d = getOwnPropertyDescriptor(accessors, 'exitCode');
    defineProperty(processObject, 'exitCode', { __proto__: null, get: d.get, set: d.set, enumerable: true, configurable: true });
  }
  const PromiseResolve = Promise.resolve;

  // ---- fs: stdin (fd 0, '/dev/stdin') for reading, fd 1 and 2 for writing; nothing else
  const isStdinPath = (p) => p === 0 || p === '/dev/stdin';
  const outFd = (p) => (p === 1 || p === '/dev/stdout' ? 0 : p === 2 || p === '/dev/stderr' ? 1 : -1);
  function noFile(p, syscall, entry) {
    const shown = typeof p === 'string' ? `'${p}'` : formatPrimitive(p, true) ?? typeName(p);
    const e = nodeError(ErrorCtor, `ENOENT: no such file or directory, ${syscall} ${shown} (the sandbox has no file system: `
      + 'only stdin can be read, as fs.readFileSync(0) or fs.readFileSync(\'/dev/stdin\'))', 'ENOENT', entry);
    defineProperty(e, 'syscall', hidden(syscall));
    return e;
  }
  function encodingOf(options) {
    if (typeof options === 'string') return options;
    if (isObject(options)) return options.encoding;
    return undefined;
  }
  const fsMethods = {
    readFileSync(path, options) {
      if (!isStdinPath(path)) throw noFile(path, 'open', fsMethods.readFileSync);
      const enc = encodingOf(options);
      const text = takeStdin();
      if (enc === undefined || enc === null) return makeBuffer(text);
      const e = normEncoding(enc);
      if (e === null) throw nodeError(TypeErrorCtor, `Unknown encoding: ${StringCtor(enc)}`, 'ERR_UNKNOWN_ENCODING', fsMethods.readFileSync);
      if (e === 'utf8') return text;
      const bytes = utf8Bytes(text);
      return decodeBytes(bytes, e, 0, apply(TALength, bytes, []), fsMethods.readFileSync);
    },
    writeSync(fd, data) {
      const stream = outFd(fd);
      if (stream < 0) throw nodeError(ErrorCtor, `EBADF: bad file descriptor, write (only fds 1 and 2 can be written in the sandbox)`, 'EBADF', fsMethods.writeSync);
      const text = typeof data === 'string' ? data : chunkText(data, 'buffer', fsMethods.writeSync);
      write(stream, text);
      return utf8Length(text);
    },
    writeFileSync(file, data) {
      const stream = outFd(file);
      if (stream < 0) throw noFile(file, 'open', fsMethods.writeFileSync);
      write(stream, typeof data === 'string' ? data : chunkText(data, 'data', fsMethods.writeFileSync));
    },
    existsSync(path) { return isStdinPath(path) || outFd(path) >= 0; },
  };
  function utf8Length(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = apply(charCodeAt, s, [i]);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (apply(charCodeAt, s, [i + 1]) & 0xfc00) === 0xdc00) { n += 4; i++; }
      else n += 3;
    }
    return n;
  }
  const fsModule = {};
  {
    const keys = ownKeys(fsMethods);
    for (let i = 0; i < keys.length; i++) defineProperty(fsModule, keys[i], desc(fsMethods[keys[i]]));
    // Node's other file-system functions: present, refusing with a message that says why.
    const refused = ['readFile', 'writeFile', 'appendFile', 'appendFileSync', 'openSync', 'open', 'closeSync', 'close',
      'readSync', 'read', 'readdirSync', 'readdir', 'statSync', 'stat', 'lstatSync', 'lstat', 'fstatSync', 'fstat',
      'mkdirSync', 'mkdir', 'rmSync', 'rm', 'unlinkSync', 'unlink', 'renameSync', 'rename', 'copyFileSync', 'copyFile',
      'createReadStream', 'createWriteStream', 'accessSync', 'access', 'realpathSync', 'realpath', 'watch', 'watchFile',
      'symlinkSync', 'readlinkSync', 'chmodSync', 'chownSync', 'truncateSync', 'mkdtempSync', 'opendirSync', 'rmdirSync', 'cpSync'];
    for (let i = 0; i < refused.length; i++) {
      const name = refused[i];
      const stub = {
        [name]() {
          throw nodeError(ErrorCtor, `fs.${name}() is not available: the sandbox has no file system (stdin can be read with `
            + 'fs.readFileSync(0), output written with console.log or process.stdout.write)', 'ERR_ACCESS_DENIED', stub);
        },
      }[name];
      defineProperty(fsModule, name, desc(stub));
    }
  }

  // ---- readline: createInterface over process.stdin (or any emitter of 'data' and 'end')
  function splitLines(text, emitLine) {
    // Node's readline ends a line at \r\n, \n or a lone \r; returns the unfinished rest.
    let start = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = apply(charCodeAt, text, [i]);
      if (c === 10 || c === 13) {
        emitLine(apply(StringSlice, text, [start, i]));
        if (c === 13 && i + 1 < n && apply(charCodeAt, text, [i + 1]) === 10) i++;
        start = i + 1;
      }
    }
    return apply(StringSlice, text, [start]);
  }
  function createInterface(input, output) {
    if (isObject(input) && input.input !== undefined) { output = input.output; input = input.input; }
    let closed = false;
    let rest = '';
    let question = null;
    let prompt = '> ';
    const rl = makeEmitter({ terminal: false, line: '', input, output });
    const onLine = (line) => {
      if (question !== null) { const cb = question; question = null; apply(cb, undefined, [line]); return; }
      emit(rl, 'line', [line]);
    };
    const onData = (chunk) => {
      if (closed) return;
      rest = splitLines(rest + (typeof chunk === 'string' ? chunk : chunkText(chunk, 'chunk', onData)), onLine);
    };
    const onEnd = () => {
      if (closed) return;
      if (rest !== '') { const last = rest; rest = ''; onLine(last); }
      close();
    };
    function close() {
      if (closed) return;
      closed = true;
      if (isObject(input)) {
        if (input === stdin) { removeListener(stdin, 'data', onData); removeListener(stdin, 'end', onEnd); }
      }
      emit(rl, 'close', []);
    }
    const methods = {
      close() { close(); },
      pause() { return this; },
      resume() { return this; },
      setPrompt(p) { prompt = StringCtor(p); },
      getPrompt() { return prompt; },
      prompt() { if (isObject(output) && typeof output.write === 'function') output.write(prompt); },
      write(data) { if (typeof data === 'string') onData(data); },
      question(query, opts, cb) {
        const callback = typeof opts === 'function' ? opts : cb;
        if (closed) throw nodeError(ErrorCtor, 'readline was closed', 'ERR_USE_AFTER_CLOSE', methods.question);
        if (isObject(output) && typeof output.write === 'function') output.write(StringCtor(query));
        if (typeof callback === 'function') question = callback;
      },
      [Symbol.asyncIterator]() {
        return asyncQueue((push, end) => {
          addListener(rl, 'line', push, false, false);
          addListener(rl, 'close', end, false, false);
          if (closed) end();
        }, close);
      },
    };
    const keys = ownKeys(methods);
    for (let i = 0; i < keys.length; i++) defineProperty(rl, keys[i], hidden(methods[keys[i]]));
    if (input === stdin) {
      addListener(stdin, 'data', onData, false, false);
      addListener(stdin, 'end', onEnd, false, false);
    } else if (isObject(input) && typeof input.on === 'function') {
      input.on('data', onData);
      input.on('end', onEnd);
    }
    return rl;
  }
  // readline/promises: question() returns a promise of the answer.
  function createPromisesInterface(...args) {
    const rl = apply(createInterface, undefined, args);
    const plain = rl.question;
    const question = {
      question(query) {
        const p = pending();
        apply(plain, rl, [query, p.resolve]);
        return p.promise;
      },
    }.question;
    defineProperty(rl, 'question', hidden(question));
    return rl;
  }
  const readlineModule = { createInterface, Interface: undefined, emitKeypressEvents() {}, clearLine() { return true; },
    cursorTo() { return true; }, moveCursor() { return true; } };
  const readlinePromisesModule = { createInterface: createPromisesInterface };

  // ---- Web and Node globals that programs use: atob/btoa, TextEncoder/TextDecoder, Buffer,
  // structuredClone, URL/URLSearchParams, DOMException. Pure JavaScript over this prelude's
  // captured built-ins; every byte array is made by the guarded Uint8Array constructor, so it is
  // charged against the run's buffer budget like the guest's own.
  const GuardedArrayBuffer = G.ArrayBuffer;
  const StringTrim = String.prototype.trim;
  const ArraySort = Array.prototype.sort;
  const RegExpExec = RegExp.prototype.exec;
  const DataViewCtor = DataView;
  const DVBuffer = getOwnPropertyDescriptor(DataView.prototype, 'buffer').get;
  const DVOffset = getOwnPropertyDescriptor(DataView.prototype, 'byteOffset').get;
  const DVLength = getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get;
  const TAOffset = getOwnPropertyDescriptor(TypedArray.prototype, 'byteOffset').get;
  const TASubarray = TypedArray.prototype.subarray;
  const TASet = TypedArray.prototype.set;
  const inspectHooks = new WeakMapCtor(); // prototype -> function(value, ctx, depth, indentation)
  // Methods of a shim class: non-enumerable, like a class's own methods.
  function defineMethods(target, methods) {
    const keys = ownKeys(methods);
    for (let i = 0; i < keys.length; i++) {
      const d = getOwnPropertyDescriptor(methods, keys[i]);
      d.enumerable = false;
      defineProperty(target, keys[i], d);
    }
  }
  function missingArgs(name, entry) {
    return nodeError(TypeErrorCtor, `The "${name}" argument must be specified`, 'ERR_MISSING_ARGS', entry);
  }

  // DOMException, as Node's: name, message and code read from the instance's slots.
  const domState = new WeakMapCtor();
  const DOM_CODES = { __proto__: null, IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4,
    InvalidCharacterError: 5, NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9,
    InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
    InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20,
    URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25 };
  class DOMException extends ErrorCtor {
    constructor(message = '', options = 'Error') {
      super();
      const name = isObject(options) ? (options.name === undefined ? 'Error' : StringCtor(options.name)) : StringCtor(options);
      apply(WeakMapSet, domState, [this, { __proto__: null, message: StringCtor(message), name }]);
      domStack(this, new.target);
    }
    get name() { const s = apply(WeakMapGet, domState, [this]); return s === undefined ? undefined : s.name; }
    get message() { const s = apply(WeakMapGet, domState, [this]); return s === undefined ? undefined : s.message; }
    get code() { const s = apply(WeakMapGet, domState, [this]); return s === undefined ? undefined : (DOM_CODES[s.name] || 0); }
  }
  defineProperty(DOMException.prototype, SymbolToStringTag, fixed('DOMException'));
  function domError(message, name, entry) {
    const e = new DOMException(message, name);
    domStack(e, entry);
    return e;
  }
  // The stack, headed 'name: message' as Node's is (V8 would head it with what the instance's
  // own properties say at capture).
  function domStack(e, entry) {
    ErrorCaptureStackTrace(e, entry);
    const s = apply(WeakMapGet, domState, [e]);
    const text = e.stack;
    const nl = typeof text === 'string' ? apply(StringIndexOf, text, ['\n']) : -1;
    const head = s.message === '' ? s.name : `${s.name}: ${s.message}`;
    defineProperty(e, 'stack', hidden(nl === -1 ? head : head + apply(StringSlice, text, [nl])));
  }

  // ---- atob / btoa (Node's: a binary string in, a binary string out)
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  function b64Value(c) {
    if (c >= 65 && c <= 90) return c - 65;
    if (c >= 97 && c <= 122) return c - 71;
    if (c >= 48 && c <= 57) return c + 4;
    if (c === 43 || c === 45) return 62;
    if (c === 47 || c === 95) return 63;
    return -1;
  }
  function encodeBase64(bytes, start, end, alphabet, pad) {
    let out = '';
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63];
    }
    if (end - i === 1) {
      const n = bytes[i] << 16;
      out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + (pad ? '==' : '');
    } else if (end - i === 2) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
      out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + (pad ? '=' : '');
    }
    return out;
  }
  const globalMethods = {
    btoa(data) {
      if (arguments.length === 0) throw missingArgs('input', globalMethods.btoa);
      const s = `${data}`;
      const bytes = newArray();
      for (let i = 0; i < s.length; i++) {
        const c = apply(charCodeAt, s, [i]);
        if (c > 255) throw domError('Invalid character', 'InvalidCharacterError', globalMethods.btoa);
        bytes[i] = c;
      }
      return encodeBase64(bytes, 0, bytes.length, B64, true);
    },
    atob(data) {
      // Node's forgiving-base64 checks, in its order and with its messages.
      if (arguments.length === 0) throw missingArgs('input', globalMethods.atob);
      const s = `${data}`;
      const values = newArray();
      let equals = 0;
      for (let i = 0; i < s.length; i++) {
        const c = apply(charCodeAt, s, [i]);
        if (c === 32 || c === 9 || c === 10 || c === 12 || c === 13) continue;
        if (c === 61) {
          equals++;
          if (equals > 2) throw domError('Invalid character', 'InvalidCharacterError', globalMethods.atob);
          continue;
        }
        const v = c === 45 || c === 95 ? -1 : b64Value(c);
        if (v < 0 || equals > 0) throw domError('Invalid character', 'InvalidCharacterError', globalMethods.atob);
        values[values.length] = v;
      }
      const n = values.length;
      let reminder = (n + equals) % 4;
      if (reminder === 0) reminder = n % 4;
      else if (equals) throw domError('Invalid character', 'InvalidCharacterError', globalMethods.atob);
      if (reminder === 1) throw domError('The string to be decoded is not correctly encoded.', 'InvalidCharacterError', globalMethods.atob);
      const units = newArray();
      let acc = 0;
      let bits = 0;
      for (let i = 0; i < n; i++) {
        acc = ((acc << 6) | values[i]) & 0xffffff;
        bits += 6;
        if (bits >= 8) { bits -= 8; units[units.length] = (acc >> bits) & 255; }
      }
      return codesToString(units);
    },
  };

  // ---- bytes of a string in an encoding, and of any buffer source
  function encodeString(s, enc, entry) {
    const e = enc === undefined || enc === null ? 'utf8' : normEncoding(enc);
    if (e === null) throw nodeError(TypeErrorCtor, `Unknown encoding: ${StringCtor(enc)}`, 'ERR_UNKNOWN_ENCODING', entry);
    if (e === 'utf8') return utf8Bytes(s);
    if (e === 'latin1' || e === 'ascii') {
      const out = new GuardedUint8Array(s.length);
      for (let i = 0; i < s.length; i++) out[i] = apply(charCodeAt, s, [i]) & 255;
      return out;
    }
    if (e === 'utf16le') {
      const out = new GuardedUint8Array(2 * s.length);
      for (let i = 0; i < s.length; i++) { const c = apply(charCodeAt, s, [i]); out[2 * i] = c & 255; out[2 * i + 1] = c >> 8; }
      return out;
    }
    if (e === 'hex') {
      const values = newArray();
      for (let i = 0; i + 1 < s.length; i += 2) {
        const hi = hexValue(apply(charCodeAt, s, [i]));
        const lo = hexValue(apply(charCodeAt, s, [i + 1]));
        if (hi < 0 || lo < 0) break; // Node stops at the first pair that is not hex
        values[values.length] = hi * 16 + lo;
      }
      const out = new GuardedUint8Array(values.length);
      for (let i = 0; i < values.length; i++) out[i] = values[i];
      return out;
    }
    // base64 and base64url: Node skips what is not in either alphabet and stops at '='
    const values = newArray();
    for (let i = 0; i < s.length; i++) {
      const c = apply(charCodeAt, s, [i]);
      if (c === 61) break;
      const v = b64Value(c);
      if (v >= 0) values[values.length] = v;
    }
    const out = new GuardedUint8Array(MathFloor(values.length * 6 / 8));
    let acc = 0;
    let bits = 0;
    let p = 0;
    for (let i = 0; i < values.length; i++) {
      acc = ((acc << 6) | values[i]) & 0xffffff;
      bits += 6;
      if (bits >= 8) { bits -= 8; out[p++] = (acc >> bits) & 255; }
    }
    return out;
  }
  function hexValue(c) {
    if (c >= 48 && c <= 57) return c - 48;
    if (c >= 97 && c <= 102) return c - 87;
    if (c >= 65 && c <= 70) return c - 55;
    return -1;
  }
  // A Uint8Array over the bytes of an ArrayBuffer, a typed array or a DataView (no copy), or null.
  function bytesOf(v) {
    if (isTypedArray(v)) return new GuardedUint8Array(apply(TABuffer, v, []), apply(TAOffset, v, []), apply(TAByteLength, v, []));
    if (isArrayBuffer(v) || isSharedBuffer(v)) return new GuardedUint8Array(v);
    if (isObject(v) && brand(DVBuffer, v)) return new GuardedUint8Array(apply(DVBuffer, v, []), apply(DVOffset, v, []), apply(DVLength, v, []));
    return null;
  }

  // ---- TextEncoder / TextDecoder (UTF-8; the decoder also UTF-16LE and latin1)
  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input = '') { return utf8Bytes(`${input}`); }
    encodeInto(src, dest) {
      const s = `${src}`;
      if (!isUint8Array(dest)) {
        throw nodeError(TypeErrorCtor, `The "dest" argument must be an instance of Uint8Array. Received ${typeName(dest)}`, 'ERR_INVALID_ARG_TYPE', TextEncoder.prototype.encodeInto);
      }
      const room = apply(TALength, dest, []);
      let read = 0;
      let written = 0;
      for (let i = 0; i < s.length; i++) {
        let c = apply(charCodeAt, s, [i]);
        let units = 1;
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (apply(charCodeAt, s, [i + 1]) & 0xfc00) === 0xdc00) {
          c = 0x10000 + ((c - 0xd800) << 10) + (apply(charCodeAt, s, [i + 1]) - 0xdc00);
          units = 2;
        } else if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
        const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (written + size > room) break;
        if (size === 1) dest[written] = c;
        else if (size === 2) { dest[written] = 0xc0 | (c >> 6); dest[written + 1] = 0x80 | (c & 63); }
        else if (size === 3) { dest[written] = 0xe0 | (c >> 12); dest[written + 1] = 0x80 | ((c >> 6) & 63); dest[written + 2] = 0x80 | (c & 63); }
        else {
          dest[written] = 0xf0 | (c >> 18); dest[written + 1] = 0x80 | ((c >> 12) & 63);
          dest[written + 2] = 0x80 | ((c >> 6) & 63); dest[written + 3] = 0x80 | (c & 63);
        }
        written += size;
        read += units;
        i += units - 1;
      }
      return { read, written };
    }
  }
  defineProperty(TextEncoder.prototype, SymbolToStringTag, fixed('TextEncoder'));
  const decoderState = new WeakMapCtor();
  const DECODER_LABELS = { __proto__: null, 'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
    'utf-16le': 'utf-16le', 'utf-16': 'utf-16le', latin1: 'windows-1252', 'iso-8859-1': 'windows-1252',
    ascii: 'windows-1252', 'windows-1252': 'windows-1252', 'us-ascii': 'windows-1252' };
  // Where a trailing incomplete UTF-8 sequence starts (end if none): kept for the next chunk.
  function utf8Tail(bytes, end) {
    for (let back = 1; back <= 3 && end - back >= 0; back++) {
      const b = bytes[end - back];
      if ((b & 0xc0) === 0x80) continue;
      const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 ? 2 : 1;
      return need > back ? end - back : end;
    }
    return end;
  }
  class TextDecoder {
    constructor(label = 'utf-8', options = {}) {
      const key = apply(StringToLowerCase, apply(StringTrim, `${label}`, []), []);
      const encoding = DECODER_LABELS[key];
      if (encoding === undefined) {
        throw nodeError(RangeErrorCtor, `The "${label}" encoding is not supported`, 'ERR_ENCODING_NOT_SUPPORTED', new.target);
      }
      const opts = isObject(options) ? options : {};
      apply(WeakMapSet, decoderState, [this, { __proto__: null, encoding, fatal: !!opts.fatal, ignoreBOM: !!opts.ignoreBOM,
        pending: null, bomSeen: false }]);
    }
    get encoding() { return stateOf(this).encoding; }
    get fatal() { return stateOf(this).fatal; }
    get ignoreBOM() { return stateOf(this).ignoreBOM; }
    decode(input = undefined, options = {}) {
      const st = stateOf(this);
      let bytes = input === undefined ? new GuardedUint8Array(0) : bytesOf(input);
      if (bytes === null) {
        throw nodeError(TypeErrorCtor, 'The "input" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.',
          'ERR_INVALID_ARG_TYPE', TextDecoder.prototype.decode);
      }
      const stream = isObject(options) && !!options.stream;
      if (st.pending !== null) {
        const joined = new GuardedUint8Array(st.pending.length + apply(TALength, bytes, []));
        apply(TASet, joined, [st.pending, 0]);
        apply(TASet, joined, [bytes, st.pending.length]);
        bytes = joined;
        st.pending = null;
      }
      let end = apply(TALength, bytes, []);
      let start = 0;
      if (st.encoding === 'utf-8') {
        if (stream) {
          const cut = utf8Tail(bytes, end);
          if (cut < end) { st.pending = apply(TASubarray, bytes, [cut, end]); end = cut; }
        }
        if (!st.bomSeen && !st.ignoreBOM && end - start >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
        if (end > start || !stream) st.bomSeen = stream;
        const text = utf8Decode(bytes, start, end);
        if (st.fatal && apply(StringIndexOf, text, ['\ufffd']) !== -1 && !hasReplacementBytes(bytes, start, end)) {
          throw nodeError(TypeErrorCtor, 'The encoded data was not valid for encoding utf-8', 'ERR_ENCODING_INVALID_ENCODED_DATA', TextDecoder.prototype.decode);
        }
        return text;
      }
      const units = newArray();
      if (st.encoding === 'utf-16le') {
        if (stream && (end - start) % 2 === 1) { st.pending = apply(TASubarray, bytes, [end - 1, end]); end--; }
        for (let i = start; i + 1 < end; i += 2) units[units.length] = bytes[i] | (bytes[i + 1] << 8);
        if (!st.ignoreBOM && !st.bomSeen && units.length && units[0] === 0xfeff) { units[0] = undefined; }
        if (end > start || !stream) st.bomSeen = stream;
        if ((end - start) % 2 === 1) units[units.length] = 0xfffd;
      } else {
        for (let i = start; i < end; i++) units[units.length] = bytes[i];
      }
      let s = '';
      for (let i = 0; i < units.length; i += 4096) {
        const part = newArray();
        for (let j = i; j < MathMin(i + 4096, units.length); j++) if (units[j] !== undefined) part[part.length] = units[j];
        s += apply(StringFromCharCode, undefined, part);
      }
      return s;
    }
  }
  defineProperty(TextDecoder.prototype, SymbolToStringTag, fixed('TextDecoder'));
  function stateOf(decoder) {
    const st = apply(WeakMapGet, decoderState, [decoder]);
    if (st === undefined) throw nodeError(TypeErrorCtor, 'Value of "this" must be of type TextDecoder', 'ERR_INVALID_THIS', stateOf);
    return st;
  }
  // Whether the input itself holds U+FFFD (EF BF BD), which a fatal decoder accepts.
  function hasReplacementBytes(bytes, start, end) {
    for (let i = start; i + 2 < end; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) return true;
    return false;
  }
  apply(WeakMapSet, inspectHooks, [TextEncoder.prototype, () => "{ encoding: 'utf-8' }"]);
  apply(WeakMapSet, inspectHooks, [TextDecoder.prototype, (v) => {
    const st = apply(WeakMapGet, decoderState, [v]);
    if (st === undefined) return undefined;
    return `TextDecoder { encoding: '${st.encoding}', fatal: ${st.fatal}, ignoreBOM: ${st.ignoreBOM} }`;
  }]);

  // ---- Buffer: Uint8Arrays with Node's Buffer prototype (from, alloc, concat, toString, ...)
  const asBuffer = (bytes) => { setPrototypeOf(bytes, BufferProto); return bytes; };
  function bufferFrom(value, encodingOrOffset, length) {
    if (typeof value === 'string') return asBuffer(encodeString(value, encodingOrOffset, Buffer.from));
    if (isArrayBuffer(value) || isSharedBuffer(value)) {
      const total = byteLengthOf(value);
      const off = encodingOrOffset === undefined ? 0 : MathTrunc(+encodingOrOffset) || 0;
      if (off < 0 || off > total) throw nodeError(RangeErrorCtor, '"offset" is outside of buffer bounds', 'ERR_BUFFER_OUT_OF_BOUNDS', Buffer.from);
      const len = length === undefined ? total - off : MathTrunc(+length) || 0;
      if (len < 0 || off + len > total) throw nodeError(RangeErrorCtor, '"length" is outside of buffer bounds', 'ERR_BUFFER_OUT_OF_BOUNDS', Buffer.from);
      return asBuffer(new GuardedUint8Array(value, off, len));
    }
    if (isTypedArray(value)) {
      const len = apply(TALength, value, []);
      const out = new GuardedUint8Array(len);
      for (let i = 0; i < len; i++) out[i] = value[i] & 255;
      return asBuffer(out);
    }
    if (isObject(value) && typeof value !== 'function') {
      if (value.type === 'Buffer' && ArrayIsArray(value.data)) return bufferFrom(value.data);
      const len = value.length;
      if (typeof len === 'number' || ArrayIsArray(value)) {
        const n = MathMax(0, MathTrunc(len) || 0);
        const out = new GuardedUint8Array(n);
        for (let i = 0; i < n; i++) out[i] = NumberCtor(value[i]) & 255;
        return asBuffer(out);
      }
    }
    throw nodeError(TypeErrorCtor, 'The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an '
      + `Array-like Object. Received ${typeName(value)}`, 'ERR_INVALID_ARG_TYPE', Buffer.from);
  }
  function checkSize(size, entry) {
    if (typeof size !== 'number') {
      throw nodeError(TypeErrorCtor, `The "size" argument must be of type number. Received ${typeName(size)}`, 'ERR_INVALID_ARG_TYPE', entry);
    }
    if (!(size >= 0 && size <= 4294967296) || MathTrunc(size) !== size) {
      throw nodeError(RangeErrorCtor, `The value of "size" is out of range. It must be >= 0 && <= 4294967296. Received ${formatNumber(size)}`,
        'ERR_OUT_OF_RANGE', entry);
    }
  }
  // Called or constructed: Buffer(size), Buffer(string, encoding), Buffer(arrayBuffer, offset,
  // length); the typed-array methods' species construction (map, filter, slice) lands here.
  function Buffer(value, encodingOrOffset, length) {
    if (typeof value === 'number') { checkSize(value, Buffer); return asBuffer(new GuardedUint8Array(value)); }
    return bufferFrom(value, encodingOrOffset, length);
  }
  const bufferStatics = {
    from(value, encodingOrOffset, length) { return bufferFrom(value, encodingOrOffset, length); },
    alloc(size, fill, encoding) {
      checkSize(size, bufferStatics.alloc);
      const out = asBuffer(new GuardedUint8Array(size));
      if (fill !== undefined && fill !== 0 && size > 0) apply(bufferMethods2.fill, out, [fill, 0, size, encoding]);
      return out;
    },
    allocUnsafe(size) { checkSize(size, bufferStatics.allocUnsafe); return asBuffer(new GuardedUint8Array(size)); },
    allocUnsafeSlow(size) { checkSize(size, bufferStatics.allocUnsafeSlow); return asBuffer(new GuardedUint8Array(size)); },
    isBuffer(v) { return isUint8Array(v) && getPrototypeOf(v) === BufferProto; },
    isEncoding(enc) { return typeof enc === 'string' && enc !== '' && normEncoding(enc) !== null; },
    byteLength(value, encoding) {
      if (typeof value !== 'string') {
        const b = bytesOf(value);
        if (b !== null) return apply(TAByteLength, b, []);
        throw nodeError(TypeErrorCtor, `The "string" argument must be of type string or an instance of Buffer or ArrayBuffer. Received ${typeName(value)}`,
          'ERR_INVALID_ARG_TYPE', bufferStatics.byteLength);
      }
      const e = encoding === undefined ? 'utf8' : normEncoding(encoding);
      if (e === 'utf8' || e === null) return utf8Length(value);
      return apply(TALength, encodeString(value, e, bufferStatics.byteLength), []);
    },
    concat(list, totalLength) {
      if (!ArrayIsArray(list)) {
        throw nodeError(TypeErrorCtor, `The "list" argument must be an instance of Array. Received ${typeName(list)}`, 'ERR_INVALID_ARG_TYPE', bufferStatics.concat);
      }
      let total = 0;
      for (let i = 0; i < list.length; i++) {
        if (!isUint8Array(list[i])) {
          throw nodeError(TypeErrorCtor, `The "list[${i}]" argument must be an instance of Buffer or Uint8Array. Received ${typeName(list[i])}`,
            'ERR_INVALID_ARG_TYPE', bufferStatics.concat);
        }
        total += apply(TALength, list[i], []);
      }
      if (totalLength !== undefined) total = MathMax(0, MathTrunc(+totalLength) || 0);
      const out = asBuffer(new GuardedUint8Array(total));
      let pos = 0;
      for (let i = 0; i < list.length && pos < total; i++) {
        const item = list[i];
        const n = MathMin(apply(TALength, item, []), total - pos);
        for (let j = 0; j < n; j++) out[pos + j] = item[j];
        pos += n;
      }
      return out;
    },
    compare(a, b) { return compareBytes(a, b); },
  };
  function compareBytes(a, b) {
    const la = apply(TALength, a, []);
    const lb = apply(TALength, b, []);
    for (let i = 0; i < MathMin(la, lb); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return la < lb ? -1 : la > lb ? 1 : 0;
  }
  const bufferMethods2 = {
    equals(other) { return compareBytes(this, other) === 0; },
    compare(other) { return compareBytes(this, other); },
    write(string, offset, length, encoding) {
      if (typeof offset === 'string') { encoding = offset; offset = 0; length = undefined; }
      else if (typeof length === 'string') { encoding = length; length = undefined; }
      const bytes = encodeString(`${string}`, encoding, bufferMethods2.write);
      const len = apply(TALength, this, []);
      const off = offset === undefined ? 0 : MathTrunc(+offset) || 0;
      const n = MathMin(apply(TALength, bytes, []), len - off, length === undefined ? len : MathTrunc(+length) || 0);
      for (let i = 0; i < n; i++) this[off + i] = bytes[i];
      return MathMax(n, 0);
    },
    fill(value, offset, end, encoding) {
      if (typeof offset === 'string') { encoding = offset; offset = undefined; end = undefined; }
      const len = apply(TALength, this, []);
      const s = offset === undefined ? 0 : MathMax(0, MathTrunc(+offset) || 0);
      const e = end === undefined ? len : MathMin(len, MathTrunc(+end) || 0);
      if (typeof value === 'string') {
        const bytes = encodeString(value, encoding, bufferMethods2.fill);
        const n = apply(TALength, bytes, []);
        for (let i = s, j = 0; i < e; i++, j++) this[i] = n === 0 ? 0 : bytes[j % n];
      } else if (isUint8Array(value)) {
        const n = apply(TALength, value, []);
        for (let i = s, j = 0; i < e; i++, j++) this[i] = n === 0 ? 0 : value[j % n];
      } else {
        const b = NumberCtor(value) & 255;
        for (let i = s; i < e; i++) this[i] = b;
      }
      return this;
    },
    slice(start, end) { return asBuffer(apply(TASubarray, this, [start, end])); },
    subarray(start, end) { return asBuffer(apply(TASubarray, this, [start, end])); },
    toLocaleString(encoding, start, end) { return apply(bufferMethods.toString, this, [encoding, start, end]); },
    readUInt8(offset = 0) { return this[boundsChecked(this, offset, 1, bufferMethods2.readUInt8)]; },
    readInt8(offset = 0) { const b = this[boundsChecked(this, offset, 1, bufferMethods2.readInt8)]; return b > 127 ? b - 256 : b; },
    readUInt16LE(offset = 0) { const o = boundsChecked(this, offset, 2, bufferMethods2.readUInt16LE); return this[o] | (this[o + 1] << 8); },
    readUInt16BE(offset = 0) { const o = boundsChecked(this, offset, 2, bufferMethods2.readUInt16BE); return (this[o] << 8) | this[o + 1]; },
    readUInt32LE(offset = 0) { const o = boundsChecked(this, offset, 4, bufferMethods2.readUInt32LE); return ((this[o] | (this[o + 1] << 8) | (this[o + 2] << 16)) >>> 0) + this[o + 3] * 0x1000000; },
    readUInt32BE(offset = 0) { const o = boundsChecked(this, offset, 4, bufferMethods2.readUInt32BE); return this[o] * 0x1000000 + ((this[o + 1] << 16) | (this[o + 2] << 8) | this[o + 3]); },
    readInt32LE(offset = 0) { const o = boundsChecked(this, offset, 4, bufferMethods2.readInt32LE); return this[o] | (this[o + 1] << 8) | (this[o + 2] << 16) | (this[o + 3] << 24); },
    readInt32BE(offset = 0) { const o = boundsChecked(this, offset, 4, bufferMethods2.readInt32BE); return (this[o] << 24) | (this[o + 1] << 16) | (this[o + 2] << 8) | this[o + 3]; },
  };
  function boundsChecked(buf, offset, size, entry) {
    const len = apply(TALength, buf, []);
    if (typeof offset !== 'number' || MathTrunc(offset) !== offset || offset < 0 || offset + size > len) {
      const max = len - size;
      const msg = typeof offset !== 'number'
        ? `The "offset" argument must be of type number. Received ${typeName(offset)}`
        : max < 0 ? 'Attempt to access memory outside buffer bounds'
          : `The value of "offset" is out of range. It must be >= 0 and <= ${max}. Received ${formatNumber(offset)}`;
      const Ctor = typeof offset !== 'number' ? TypeErrorCtor : RangeErrorCtor;
      throw nodeError(Ctor, msg, typeof offset !== 'number' ? 'ERR_INVALID_ARG_TYPE' : max < 0 ? 'ERR_BUFFER_OUT_OF_BOUNDS' : 'ERR_OUT_OF_RANGE', entry);
    }
    return offset;
  }
  defineMethods(BufferProto, bufferMethods2);
  defineMethods(Buffer, bufferStatics);
  defineProperty(Buffer, 'poolSize', desc(8192));
  defineProperty(Buffer, 'prototype', { __proto__: null, value: BufferProto, writable: false, enumerable: false, configurable: false });
  defineProperty(BufferProto, 'constructor', hidden(Buffer));
  setPrototypeOf(Buffer, GuardedUint8Array);
  apply(WeakMapSet, inspectHooks, [BufferProto, (v) => {
    const len = apply(TALength, v, []);
    let s = '<Buffer';
    for (let i = 0; i < MathMin(len, 50); i++) s += ' ' + apply(StringPadStart, apply(NumberToString, v[i], [16]), [2, '0']);
    if (len > 50) s += ` ... ${len - 50} more byte${len - 50 > 1 ? 's' : ''}`;
    return s + '>';
  }]);

  // ---- structuredClone: the HTML structured clone of values without host objects
  const DateCtor = Date;
  const RegExpCtor = RegExp;
  const SetCtor = Set;
  const SetAdd = Set.prototype.add;
  const RegExpFlags = getOwnPropertyDescriptor(RegExp.prototype, 'flags').get;
  const ErrorNames = { __proto__: null, Error: ErrorCtor, EvalError, RangeError: RangeErrorCtor, ReferenceError,
    SyntaxError, TypeError: TypeErrorCtor, URIError };
  function cloneError(v, entry) {
    let shown;
    if (typeof v === 'function') {
      try { shown = apply(FunctionToString, v, []); } catch { shown = 'function'; }
    } else if (typeof v === 'symbol') {
      shown = apply(SymbolToString, v, []);
    } else {
      shown = `#<${constructorName(v) || 'Object'}>`;
    }
    return domError(`${shown} could not be cloned.`, 'DataCloneError', entry);
  }
  function cloneValue(v, memo, entry) {
    if (typeof v === 'symbol' || typeof v === 'function') throw cloneError(v, entry);
    if (!isObject(v)) return v;
    const known = apply(MapGet, memo, [v]);
    if (known !== undefined) return known;
    let out;
    if (ArrayIsArray(v)) {
      out = [];
      apply(MapSet, memo, [v, out]);
      out.length = v.length;
      const keys = ownKeys(v);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (typeof k !== 'string' || k === 'length' || !apply(propertyIsEnumerable, v, [k])) continue;
        defineProperty(out, k, desc(cloneValue(v[k], memo, entry)));
      }
      return out;
    }
    if (brand(DateGetTime, v)) out = new DateCtor(apply(DateGetTime, v, []));
    else if (brand(RegExpSource, v) && v !== RegExpCtor.prototype) out = new RegExpCtor(apply(RegExpSource, v, []), apply(RegExpFlags, v, []));
    else if (brand(MapSize, v)) {
      out = new MapCtor();
      apply(MapSet, memo, [v, out]);
      const entries = newArray();
      apply(MapForEach, v, [(val, key) => { entries[entries.length] = key; entries[entries.length] = val; }]);
      for (let i = 0; i < entries.length; i += 2) apply(MapSet, out, [cloneValue(entries[i], memo, entry), cloneValue(entries[i + 1], memo, entry)]);
      return out;
    } else if (brand(SetSize, v)) {
      out = new SetCtor();
      apply(MapSet, memo, [v, out]);
      const items = newArray();
      apply(SetForEach, v, [(val) => { items[items.length] = val; }]);
      for (let i = 0; i < items.length; i++) apply(SetAdd, out, [cloneValue(items[i], memo, entry)]);
      return out;
    } else if (isArrayBuffer(v)) {
      const n = apply(ABByteLengthGet, v, []);
      out = new GuardedArrayBuffer(n);
      apply(TASet, new GuardedUint8Array(out), [new GuardedUint8Array(v)]);
    } else if (isTypedArray(v) || brand(DVBuffer, v)) {
      const isView = !isTypedArray(v);
      const buffer = cloneValue(isView ? apply(DVBuffer, v, []) : apply(TABuffer, v, []), memo, entry);
      const offset = isView ? apply(DVOffset, v, []) : apply(TAOffset, v, []);
      if (isView) out = new DataViewCtor(buffer, offset, apply(DVLength, v, []));
      else out = new G[apply(TATag, v, [])](buffer, offset, apply(TALength, v, []));
    } else if (apply(ObjectToString, v, []) === '[object Error]' && !apply(WeakMapHas, domState, [v])) {
      let name = 'Error';
      try { const n = v.name; if (typeof n === 'string' && ErrorNames[n] !== undefined) name = n; } catch { /* Error */ }
      out = new ErrorNames[name]();
      const message = getOwnPropertyDescriptor(v, 'message');
      if (message !== undefined && hasOwn(message, 'value')) defineProperty(out, 'message', hidden(StringCtor(message.value)));
      let stack;
      try { stack = v.stack; } catch { stack = undefined; }
      if (typeof stack === 'string') defineProperty(out, 'stack', hidden(stack));
      apply(MapSet, memo, [v, out]);
      if (hasOwn(v, 'cause')) defineProperty(out, 'cause', hidden(cloneValue(v.cause, memo, entry)));
      return out;
    } else {
      const boxed = boxedValue(v);
      if (boxed !== undefined) out = ObjectCtor(boxed[0]);
      else {
        const kind = apply(ObjectToString, v, []);
        if (kind !== '[object Object]' && kind !== '[object Arguments]') throw cloneError(v, entry);
        if (isCallable(v)) throw cloneError(v, entry);
        out = {};
        apply(MapSet, memo, [v, out]);
        const keys = ownKeys(v);
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i];
          if (typeof k !== 'string' || !apply(propertyIsEnumerable, v, [k])) continue;
          defineProperty(out, k, desc(cloneValue(v[k], memo, entry)));
        }
        return out;
      }
    }
    apply(MapSet, memo, [v, out]);
    return out;
  }
  const isCallable = (v) => typeof v === 'function';
  function boxedValue(v) {
    if (brand(NumberValueOf, v)) return [apply(NumberValueOf, v, [])];
    if (brand(StringValueOf, v)) return [apply(StringValueOf, v, [])];
    if (brand(BooleanValueOf, v)) return [apply(BooleanValueOf, v, [])];
    if (brand(BigIntValueOf, v)) return [apply(BigIntValueOf, v, [])];
    return undefined;
  }
  globalMethods.structuredClone = {
    structuredClone(value, options) {
      if (arguments.length === 0) throw nodeError(TypeErrorCtor, 'The value argument must be specified', 'ERR_MISSING_ARGS', globalMethods.structuredClone);
      if (options !== undefined && options !== null && !isObject(options)) {
        throw nodeError(TypeErrorCtor, 'The "options" argument must be of type object.', 'ERR_INVALID_ARG_TYPE', globalMethods.structuredClone);
      }
      return cloneValue(value, new MapCtor(), globalMethods.structuredClone);
    },
  }.structuredClone;
  // `s` with every `from` (one character) replaced by `to`, without consulting any regular expression.
  function replaceChar(s, from, to) {
    if (apply(StringIndexOf, s, [from]) === -1) return s;
    const parts = apply(StringSplit, s, [from]);
    let out = parts[0];
    for (let i = 1; i < parts.length; i++) out += to + parts[i];
    return out;
  }

  // ---- URLSearchParams and URL (the WHATWG URL standard for the common cases: special schemes
  // with ASCII hosts, IPv4 and IPv6 literals kept as written, opaque paths for the others)
  const paramsState = new WeakMapCtor(); // URLSearchParams -> { list: [[name, value], ...], url }
  function percentDecode(s) {
    // Percent-decoding to bytes, then UTF-8 decoding (U+FFFD for malformed sequences).
    if (apply(StringIndexOf, s, ['%']) === -1) return s;
    const bytes = utf8Bytes(s);
    const n = apply(TALength, bytes, []);
    const out = new GuardedUint8Array(n);
    let p = 0;
    for (let i = 0; i < n; i++) {
      const b = bytes[i];
      if (b === 37 && i + 2 < n && hexValue(bytes[i + 1]) >= 0 && hexValue(bytes[i + 2]) >= 0) {
        out[p++] = hexValue(bytes[i + 1]) * 16 + hexValue(bytes[i + 2]);
        i += 2;
      } else out[p++] = b;
    }
    return utf8Decode(out, 0, p);
  }
  const HEX = '0123456789ABCDEF';
  // UTF-8 percent-encoding of the code points `inSet` says to encode.
  function percentEncode(s, inSet, spaceAsPlus) {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = apply(charCodeAt, s, [i]);
      if (c < 0x80) {
        if (spaceAsPlus && c === 32) out += '+';
        else if (inSet(c)) out += '%' + HEX[c >> 4] + HEX[c & 15];
        else out += s[i];
        continue;
      }
      let end = i + 1;
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (apply(charCodeAt, s, [i + 1]) & 0xfc00) === 0xdc00) end++;
      const bytes = utf8Bytes(apply(StringSlice, s, [i, end]));
      for (let j = 0; j < apply(TALength, bytes, []); j++) out += '%' + HEX[bytes[j] >> 4] + HEX[bytes[j] & 15];
      i = end - 1;
    }
    return out;
  }
  const C0 = (c) => c < 0x20 || c === 0x7f;
  const FRAGMENT_SET = (c) => C0(c) || c === 32 || c === 34 || c === 60 || c === 62 || c === 96;
  const QUERY_SET = (c) => C0(c) || c === 32 || c === 34 || c === 35 || c === 60 || c === 62;
  const SPECIAL_QUERY_SET = (c) => QUERY_SET(c) || c === 39;
  const PATH_SET = (c) => QUERY_SET(c) || c === 63 || c === 96 || c === 123 || c === 125 || c === 94;
  const USERINFO_SET = (c) => PATH_SET(c) || c === 47 || c === 58 || c === 59 || c === 61 || c === 64 || (c >= 91 && c <= 93) || c === 124;
  // application/x-www-form-urlencoded: everything but ASCII alphanumerics and *-._
  const FORM_SET = (c) => !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 42 || c === 45 || c === 46 || c === 95);
  function parseForm(s) {
    const list = newArray();
    const parts = apply(StringSplit, s, ['&']);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part === '') continue;
      const eq = apply(StringIndexOf, part, ['=']);
      const name = eq === -1 ? part : apply(StringSlice, part, [0, eq]);
      const value = eq === -1 ? '' : apply(StringSlice, part, [eq + 1]);
      const plus = (t) => replaceChar(t, '+', ' ');
      list[list.length] = [percentDecode(plus(name)), percentDecode(plus(value))];
    }
    return list;
  }
  function serializeForm(list) {
    let out = '';
    for (let i = 0; i < list.length; i++) {
      out += (i ? '&' : '') + percentEncode(list[i][0], FORM_SET, true) + '=' + percentEncode(list[i][1], FORM_SET, true);
    }
    return out;
  }
  function toUSV(v) {
    const s = `${v}`;
    let out = '';
    let last = 0;
    for (let i = 0; i < s.length; i++) {
      const c = apply(charCodeAt, s, [i]);
      if (c < 0xd800 || c >= 0xe000) continue;
      if (c < 0xdc00 && i + 1 < s.length && (apply(charCodeAt, s, [i + 1]) & 0xfc00) === 0xdc00) { i++; continue; }
      out += apply(StringSlice, s, [last, i]) + '\ufffd';
      last = i + 1;
    }
    return last === 0 ? s : out + apply(StringSlice, s, [last]);
  }
  function paramsOf(p, entry) {
    const st = apply(WeakMapGet, paramsState, [p]);
    if (st === undefined) throw nodeError(TypeErrorCtor, 'Value of "this" must be of type URLSearchParams', 'ERR_INVALID_THIS', entry);
    return st;
  }
  function paramsChanged(st) {
    if (st.url !== null) {
      const u = apply(WeakMapGet, urlState, [st.url]);
      const q = serializeForm(st.list);
      u.query = q === '' ? null : q;
    }
  }
  class URLSearchParams {
    constructor(init = undefined) {
      let list = newArray();
      if (init === undefined || init === null) { /* empty */ }
      else if (isObject(init) && typeof init[SymbolIterator] === 'function') {
        for (const pair of init) {
          const items = [...pair];
          if (items.length !== 2) {
            throw nodeError(TypeErrorCtor, 'Each query pair must be an iterable [name, value] tuple', 'ERR_INVALID_TUPLE', new.target);
          }
          list[list.length] = [toUSV(items[0]), toUSV(items[1])];
        }
      } else if (isObject(init)) {
        const keys = ownKeys(init);
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i];
          if (typeof k === 'string' && apply(propertyIsEnumerable, init, [k])) list[list.length] = [toUSV(k), toUSV(init[k])];
        }
      } else {
        let s = toUSV(init);
        if (s[0] === '?') s = apply(StringSlice, s, [1]);
        list = parseForm(s);
      }
      apply(WeakMapSet, paramsState, [this, { __proto__: null, list, url: null }]);
    }
    get size() { return paramsOf(this, undefined).list.length; }
    append(name, value) {
      if (arguments.length < 2) throw missingArgs(arguments.length === 0 ? 'name' : 'value', URLSearchParams.prototype.append);
      const st = paramsOf(this, URLSearchParams.prototype.append);
      st.list[st.list.length] = [toUSV(name), toUSV(value)];
      paramsChanged(st);
    }
    delete(name, value = undefined) {
      const st = paramsOf(this, URLSearchParams.prototype.delete);
      const n = toUSV(name);
      const v = value === undefined ? undefined : toUSV(value);
      const kept = newArray();
      for (let i = 0; i < st.list.length; i++) {
        const e = st.list[i];
        if (!(e[0] === n && (v === undefined || e[1] === v))) kept[kept.length] = e;
      }
      st.list = kept;
      paramsChanged(st);
    }
    get(name) {
      const st = paramsOf(this, URLSearchParams.prototype.get);
      const n = toUSV(name);
      for (let i = 0; i < st.list.length; i++) if (st.list[i][0] === n) return st.list[i][1];
      return null;
    }
    getAll(name) {
      const st = paramsOf(this, URLSearchParams.prototype.getAll);
      const n = toUSV(name);
      const out = [];
      for (let i = 0; i < st.list.length; i++) if (st.list[i][0] === n) push(out, st.list[i][1]);
      return out;
    }
    has(name, value = undefined) {
      const st = paramsOf(this, URLSearchParams.prototype.has);
      const n = toUSV(name);
      const v = value === undefined ? undefined : toUSV(value);
      for (let i = 0; i < st.list.length; i++) if (st.list[i][0] === n && (v === undefined || st.list[i][1] === v)) return true;
      return false;
    }
    set(name, value) {
      const st = paramsOf(this, URLSearchParams.prototype.set);
      const n = toUSV(name);
      const v = toUSV(value);
      const kept = newArray();
      let found = false;
      for (let i = 0; i < st.list.length; i++) {
        const e = st.list[i];
        if (e[0] !== n) kept[kept.length] = e;
        else if (!found) { found = true; kept[kept.length] = [n, v]; }
      }
      if (!found) kept[kept.length] = [n, v];
      st.list = kept;
      paramsChanged(st);
    }
    sort() {
      const st = paramsOf(this, URLSearchParams.prototype.sort);
      const copy = [];
      for (let i = 0; i < st.list.length; i++) push(copy, st.list[i]);
      apply(ArraySort, copy, [(a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)]); // stable, by code units
      const list = newArray();
      for (let i = 0; i < copy.length; i++) list[i] = copy[i];
      st.list = list;
      paramsChanged(st);
    }
    forEach(callback, thisArg = undefined) {
      const st = paramsOf(this, URLSearchParams.prototype.forEach);
      if (typeof callback !== 'function') {
        throw nodeError(TypeErrorCtor, `The "callback" argument must be of type function. Received ${typeName(callback)}`, 'ERR_INVALID_ARG_TYPE', URLSearchParams.prototype.forEach);
      }
      for (let i = 0; i < st.list.length; i++) apply(callback, thisArg, [st.list[i][1], st.list[i][0], this]);
    }
    *entries() { const st = paramsOf(this, undefined); for (let i = 0; i < st.list.length; i++) yield [st.list[i][0], st.list[i][1]]; }
    *keys() { const st = paramsOf(this, undefined); for (let i = 0; i < st.list.length; i++) yield st.list[i][0]; }
    *values() { const st = paramsOf(this, undefined); for (let i = 0; i < st.list.length; i++) yield st.list[i][1]; }
    toString() { return serializeForm(paramsOf(this, URLSearchParams.prototype.toString).list); }
  }
  defineProperty(URLSearchParams.prototype, SymbolIterator, hidden(URLSearchParams.prototype.entries));
  defineProperty(URLSearchParams.prototype, SymbolToStringTag, fixed('URLSearchParams'));
  function formatParams(v) {
    const st = apply(WeakMapGet, paramsState, [v]);
    if (st === undefined) return undefined;
    if (st.list.length === 0) return 'URLSearchParams {}';
    const output = [];
    for (let i = 0; i < st.list.length; i++) push(output, `${quote(st.list[i][0])} => ${quote(st.list[i][1])}`);
    return reduceToSingleString(output, 'URLSearchParams', ['{', '}'], 0, false, undefined, false, 0);
  }
  apply(WeakMapSet, inspectHooks, [URLSearchParams.prototype, formatParams]);

  const SPECIAL = { __proto__: null, 'ftp:': 21, 'file:': null, 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };
  const isSpecial = (scheme) => scheme in SPECIAL;
  const urlState = new WeakMapCtor(); // URL -> record
  function invalidUrl(input, entry) {
    const e = nodeError(TypeErrorCtor, 'Invalid URL', 'ERR_INVALID_URL', entry);
    defineProperty(e, 'input', desc(input));
    return e;
  }
  const SCHEME_RE = /^([A-Za-z][A-Za-z0-9+.-]*):/;
  const WINDOWS_DRIVE_RE = /^[A-Za-z][:|]$/;
  function isDot(seg) { const s = apply(StringToLowerCase, seg, []); return s === '.' || s === '%2e'; }
  function isDotDot(seg) { const s = apply(StringToLowerCase, seg, []); return s === '..' || s === '.%2e' || s === '%2e.' || s === '%2e%2e'; }
  // Appends the segments of `path` to `segments`, resolving dot segments.
  function addPath(segments, path, special) {
    let text = path;
    if (special) text = replaceChar(text, '\\', '/');
    const parts = apply(StringSplit, text, ['/']);
    for (let i = 0; i < parts.length; i++) {
      const seg = parts[i];
      const last = i === parts.length - 1;
      if (isDotDot(seg)) {
        if (segments.length) segments.length--;
        if (last) segments[segments.length] = '';
      } else if (isDot(seg)) {
        if (last) segments[segments.length] = '';
      } else {
        segments[segments.length] = percentEncode(seg, PATH_SET, false);
      }
    }
  }
  function parseHost(text, special, input, entry) {
    if (text === '') {
      if (special) throw invalidUrl(input, entry);
      return '';
    }
    if (text[0] === '[') {
      if (text[text.length - 1] !== ']') throw invalidUrl(input, entry);
      return apply(StringToLowerCase, text, []);
    }
    if (!special) return percentEncode(text, C0, false);
    const host = apply(StringToLowerCase, percentDecode(text), []);
    for (let i = 0; i < host.length; i++) {
      const c = apply(charCodeAt, host, [i]);
      // forbidden domain code points
      if (c <= 32 || c === 35 || c === 37 || c === 47 || c === 58 || c === 60 || c === 62 || c === 63 || c === 64
        || c === 91 || c === 92 || c === 93 || c === 94 || c === 124 || c === 127) throw invalidUrl(input, entry);
      if (c > 127) throw invalidUrl(input, entry); // internationalised names are not supported here
    }
    return ipv4(host, input, entry);
  }
  // A host whose last label is numeric is an IPv4 address (decimal, 0x hex or 0 octal parts).
  function ipv4(host, input, entry) {
    const parts = apply(StringSplit, host, ['.']);
    if (parts.length && parts[parts.length - 1] === '' && parts.length > 1) parts.length--;
    const numeric = (p) => apply(RegExpExec, /^(0[xX][0-9a-fA-F]*|[0-9]+)$/, [p]) !== null;
    if (!numeric(parts[parts.length - 1])) return host;
    if (parts.length > 4) throw invalidUrl(input, entry);
    const nums = newArray();
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (!numeric(p)) throw invalidUrl(input, entry);
      let n;
      if (p[0] === '0' && (p[1] === 'x' || p[1] === 'X')) n = p.length === 2 ? 0 : NumberCtor(p);
      else if (p.length > 1 && p[0] === '0') {
        if (apply(RegExpExec, /^[0-7]+$/, [p]) === null) throw invalidUrl(input, entry);
        n = 0;
        for (let j = 1; j < p.length; j++) n = n * 8 + (apply(charCodeAt, p, [j]) - 48);
      } else n = NumberCtor(p);
      nums[i] = n;
    }
    for (let i = 0; i < nums.length - 1; i++) if (nums[i] > 255) throw invalidUrl(input, entry);
    if (nums[nums.length - 1] >= 256 ** (5 - nums.length)) throw invalidUrl(input, entry);
    let value = nums[nums.length - 1];
    for (let i = 0; i < nums.length - 1; i++) value += nums[i] * 256 ** (3 - i);
    return `${MathFloor(value / 16777216) % 256}.${MathFloor(value / 65536) % 256}.${MathFloor(value / 256) % 256}.${value % 256}`;
  }
  function stripControls(s) {
    let a = 0;
    let b = s.length;
    while (a < b && apply(charCodeAt, s, [a]) <= 32) a++;
    while (b > a && apply(charCodeAt, s, [b - 1]) <= 32) b--;
    return replaceChar(replaceChar(replaceChar(apply(StringSlice, s, [a, b]), '\t', ''), '\n', ''), '\r', '');
  }
  // Splits off '#fragment' and '?query' from the end part of a URL.
  function splitTail(rest) {
    let fragment = null;
    let query = null;
    const hash = apply(StringIndexOf, rest, ['#']);
    if (hash !== -1) { fragment = apply(StringSlice, rest, [hash + 1]); rest = apply(StringSlice, rest, [0, hash]); }
    const q = apply(StringIndexOf, rest, ['?']);
    if (q !== -1) { query = apply(StringSlice, rest, [q + 1]); rest = apply(StringSlice, rest, [0, q]); }
    return { __proto__: null, rest, query, fragment };
  }
  function parseURL(input, base, entry) {
    const s = stripControls(input);
    const m = apply(RegExpExec, SCHEME_RE, [s]);
    const rec = { __proto__: null, scheme: '', username: '', password: '', host: null, port: null, path: newArray(),
      opaque: null, query: null, fragment: null };
    let rest;
    if (m !== null) {
      rec.scheme = apply(StringToLowerCase, m[1], []) + ':';
      rest = apply(StringSlice, s, [m[0].length]);
    } else {
      if (base === null) throw invalidUrl(input, entry);
      rec.scheme = base.scheme;
      rest = s;
      if (base.opaque !== null) {
        if (rest[0] !== '#') throw invalidUrl(input, entry);
        const t = splitTail(rest);
        copyRecord(rec, base);
        rec.fragment = percentEncode(t.fragment, FRAGMENT_SET, false);
        return rec;
      }
    }
    const special = isSpecial(rec.scheme);
    const slash = (c) => c === '/' || (special && c === '\\');
    const relativeToBase = base !== null && base.scheme === rec.scheme && (m === null || (special && !slash(rest[0])));
    if (!relativeToBase && !special && !slash(rest[0])) {
      // an opaque path: mailto:, data:, javascript:
      const t = splitTail(rest);
      rec.opaque = percentEncode(t.rest, C0, false);
      if (t.query !== null) rec.query = percentEncode(t.query, QUERY_SET, false);
      if (t.fragment !== null) rec.fragment = percentEncode(t.fragment, FRAGMENT_SET, false);
      return rec;
    }
    let t;
    if (slash(rest[0]) && slash(rest[1]) || (special && !relativeToBase)) {
      // an authority: skip the slashes (special schemes take any number)
      let i = 0;
      while (i < rest.length && slash(rest[i])) i++;
      if (!special || rec.scheme === 'file:') i = MathMin(i, 2);
      rest = apply(StringSlice, rest, [i]);
      let end = 0;
      while (end < rest.length && !slash(rest[end]) && rest[end] !== '?' && rest[end] !== '#') end++;
      let authority = apply(StringSlice, rest, [0, end]);
      rest = apply(StringSlice, rest, [end]);
      const at = apply(StringLastIndexOf, authority, ['@']);
      if (at !== -1) {
        const info = apply(StringSlice, authority, [0, at]);
        authority = apply(StringSlice, authority, [at + 1]);
        const colon = apply(StringIndexOf, info, [':']);
        rec.username = percentEncode(colon === -1 ? info : apply(StringSlice, info, [0, colon]), USERINFO_SET, false);
        rec.password = colon === -1 ? '' : percentEncode(apply(StringSlice, info, [colon + 1]), USERINFO_SET, false);
      }
      let hostText = authority;
      let portText = null;
      const close = apply(StringIndexOf, authority, [']']);
      const colon = apply(StringLastIndexOf, authority, [':']);
      if (colon !== -1 && colon > close) { hostText = apply(StringSlice, authority, [0, colon]); portText = apply(StringSlice, authority, [colon + 1]); }
      if (rec.scheme === 'file:') {
        rec.host = hostText === 'localhost' ? '' : parseHost(hostText, false, input, entry);
      } else {
        rec.host = parseHost(hostText, special, input, entry);
      }
      if (portText !== null && portText !== '') {
        if (apply(RegExpExec, /^[0-9]+$/, [portText]) === null) throw invalidUrl(input, entry);
        const port = NumberCtor(portText);
        if (port > 65535) throw invalidUrl(input, entry);
        rec.port = SPECIAL[rec.scheme] === port ? null : port;
      }
      t = splitTail(rest);
      addPath(rec.path, t.rest === '' ? '' : apply(StringSlice, t.rest, [1]), special);
      if (t.rest === '' && !special) rec.path.length = 0;
    } else {
      // relative to the base: its authority, and its path unless this one is absolute
      rec.username = base.username; rec.password = base.password; rec.host = base.host; rec.port = base.port;
      t = splitTail(rest);
      if (slash(t.rest[0])) {
        addPath(rec.path, apply(StringSlice, t.rest, [1]), special);
      } else {
        for (let i = 0; i < base.path.length; i++) rec.path[i] = base.path[i];
        if (t.rest === '') {
          rec.query = t.query === null ? base.query : null;
          if (t.query === null && t.fragment === null) rec.fragment = null;
        } else {
          if (rec.path.length) rec.path.length--;
          addPath(rec.path, t.rest, special);
        }
      }
    }
    if (t.query !== null) rec.query = percentEncode(t.query, special ? SPECIAL_QUERY_SET : QUERY_SET, false);
    if (t.fragment !== null) rec.fragment = percentEncode(t.fragment, FRAGMENT_SET, false);
    return rec;
  }
  const StringLastIndexOf = String.prototype.lastIndexOf;
  function copyRecord(to, from) {
    to.scheme = from.scheme; to.username = from.username; to.password = from.password; to.host = from.host;
    to.port = from.port; to.opaque = from.opaque; to.query = from.query; to.fragment = from.fragment;
    const path = newArray();
    for (let i = 0; i < from.path.length; i++) path[i] = from.path[i];
    to.path = path;
  }
  function pathOf(rec) {
    if (rec.opaque !== null) return rec.opaque;
    let s = '';
    for (let i = 0; i < rec.path.length; i++) s += '/' + rec.path[i];
    return s;
  }
  function hostOf(rec) { return rec.host === null ? '' : rec.host + (rec.port === null ? '' : ':' + rec.port); }
  function hrefOf(rec) {
    let s = rec.scheme;
    if (rec.host !== null) {
      s += '//';
      if (rec.username !== '' || rec.password !== '') s += rec.username + (rec.password !== '' ? ':' + rec.password : '') + '@';
      s += hostOf(rec);
    } else if (rec.opaque === null && rec.path.length > 1 && rec.path[0] === '') s += '/.';
    s += pathOf(rec);
    if (rec.query !== null) s += '?' + rec.query;
    if (rec.fragment !== null) s += '#' + rec.fragment;
    return s;
  }
  function recordOf(u, entry) {
    const rec = apply(WeakMapGet, urlState, [u]);
    if (rec === undefined) throw nodeError(TypeErrorCtor, 'Value of "this" must be of type URL', 'ERR_INVALID_THIS', entry);
    return rec;
  }
  function linkParams(u, rec) {
    const params = new URLSearchParams(rec.query === null ? '' : rec.query);
    const st = apply(WeakMapGet, paramsState, [params]);
    st.url = u;
    rec.params = params;
  }
  function refreshParams(rec) {
    const st = apply(WeakMapGet, paramsState, [rec.params]);
    st.list = parseForm(rec.query === null ? '' : rec.query);
  }
  class URL {
    constructor(input, base = undefined) {
      if (arguments.length === 0) throw missingArgs('url', new.target);
      const text = toUSV(input);
      let rec;
      try {
        const baseRec = base === undefined ? null : parseURL(toUSV(base), null, new.target);
        rec = parseURL(text, baseRec, new.target);
      } catch (e) {
        if (isObject(e) && e.code === 'ERR_INVALID_URL') defineProperty(e, 'input', desc(text));
        if (base !== undefined && isObject(e) && e.code === 'ERR_INVALID_URL') defineProperty(e, 'base', desc(toUSV(base)));
        throw e;
      }
      apply(WeakMapSet, urlState, [this, rec]);
      linkParams(this, rec);
    }
    static canParse(input, base = undefined) {
      try {
        const baseRec = base === undefined ? null : parseURL(toUSV(base), null, undefined);
        parseURL(toUSV(input), baseRec, undefined);
        return true;
      } catch { return false; }
    }
    get href() { return hrefOf(recordOf(this)); }
    set href(v) {
      const rec = recordOf(this);
      copyRecord(rec, parseURL(toUSV(v), null, getOwnPropertyDescriptor(URL.prototype, 'href').set));
      refreshParams(rec);
    }
    get origin() {
      const rec = recordOf(this);
      if (rec.scheme === 'file:' || !isSpecial(rec.scheme)) return 'null';
      return rec.scheme + '//' + hostOf(rec);
    }
    get protocol() { return recordOf(this).scheme; }
    set protocol(v) {
      const rec = recordOf(this);
      const m = apply(RegExpExec, SCHEME_RE, [`${v}:`]);
      if (m === null) return;
      const scheme = apply(StringToLowerCase, m[1], []) + ':';
      if (isSpecial(scheme) !== isSpecial(rec.scheme)) return;
      rec.scheme = scheme;
      if (rec.port !== null && SPECIAL[scheme] === rec.port) rec.port = null;
    }
    get username() { return recordOf(this).username; }
    set username(v) { const rec = recordOf(this); if (rec.host) rec.username = percentEncode(toUSV(v), USERINFO_SET, false); }
    get password() { return recordOf(this).password; }
    set password(v) { const rec = recordOf(this); if (rec.host) rec.password = percentEncode(toUSV(v), USERINFO_SET, false); }
    get host() { return hostOf(recordOf(this)); }
    set host(v) {
      const rec = recordOf(this);
      try {
        const parsed = parseURL(`${rec.scheme}//${toUSV(v)}`, null, undefined);
        rec.host = parsed.host;
        if (parsed.port !== null || apply(StringIndexOf, `${v}`, [':']) !== -1) rec.port = parsed.port;
      } catch { /* ignored, as the standard says */ }
    }
    get hostname() { const rec = recordOf(this); return rec.host === null ? '' : rec.host; }
    set hostname(v) {
      const rec = recordOf(this);
      try { rec.host = parseURL(`${rec.scheme}//${toUSV(v)}`, null, undefined).host; } catch { /* ignored */ }
    }
    get port() { const rec = recordOf(this); return rec.port === null ? '' : `${rec.port}`; }
    set port(v) {
      const rec = recordOf(this);
      const s = `${v}`;
      if (s === '') { rec.port = null; return; }
      const m = apply(RegExpExec, /^[0-9]+/, [s]);
      if (m === null) return;
      const port = NumberCtor(m[0]);
      if (port > 65535) return;
      rec.port = SPECIAL[rec.scheme] === port ? null : port;
    }
    get pathname() { return pathOf(recordOf(this)); }
    set pathname(v) {
      const rec = recordOf(this);
      if (rec.opaque !== null) return;
      const path = newArray();
      let s = toUSV(v);
      const special = isSpecial(rec.scheme);
      if (s[0] === '/' || (special && s[0] === '\\')) s = apply(StringSlice, s, [1]);
      addPath(path, s, special);
      rec.path = path;
    }
    get search() { const rec = recordOf(this); return rec.query === null || rec.query === '' ? '' : '?' + rec.query; }
    set search(v) {
      const rec = recordOf(this);
      let s = toUSV(v);
      if (s[0] === '?') s = apply(StringSlice, s, [1]);
      rec.query = s === '' ? null : percentEncode(s, isSpecial(rec.scheme) ? SPECIAL_QUERY_SET : QUERY_SET, false);
      refreshParams(rec);
    }
    get searchParams() { return recordOf(this).params; }
    get hash() { const rec = recordOf(this); return rec.fragment === null || rec.fragment === '' ? '' : '#' + rec.fragment; }
    set hash(v) {
      const rec = recordOf(this);
      let s = toUSV(v);
      if (s[0] === '#') s = apply(StringSlice, s, [1]);
      rec.fragment = s === '' ? null : percentEncode(s, FRAGMENT_SET, false);
    }
    toString() { return hrefOf(recordOf(this)); }
    toJSON() { return hrefOf(recordOf(this)); }
  }
  defineProperty(URL.prototype, SymbolToStringTag, fixed('URL'));
  for (const name of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search',
    'searchParams', 'hash']) {
    const d = getOwnPropertyDescriptor(URL.prototype, name);
    d.enumerable = true;
    defineProperty(URL.prototype, name, d);
  }
  apply(WeakMapSet, inspectHooks, [URL.prototype, (v, ctx, depth, indentation) => {
    const rec = apply(WeakMapGet, urlState, [v]);
    if (rec === undefined) return undefined;
    if (depth > 2) return '[URL]';
    const ind = apply(StringRepeat, ' ', [indentation + 2]);
    const fields = [['href', hrefOf(rec)], ['origin', v.origin], ['protocol', rec.scheme], ['username', rec.username],
      ['password', rec.password], ['host', hostOf(rec)], ['hostname', rec.host === null ? '' : rec.host],
      ['port', rec.port === null ? '' : `${rec.port}`], ['pathname', pathOf(rec)], ['search', v.search]];
    let s = 'URL {\n';
    for (let i = 0; i < fields.length; i++) s += `${ind}${fields[i][0]}: ${quote(fields[i][1])},\n`;
    s += `${ind}searchParams: ${formatParams(rec.params)},\n${ind}hash: ${quote(v.hash)}\n${apply(StringRepeat, ' ', [indentation])}}`;
    return s;
  }]);
  apply(WeakMapSet, inspectHooks, [DOMException.prototype, (v) => {
    const s = apply(WeakMapGet, domState, [v]);
    if (s === undefined) return undefined;
    const text = formatError(v);
    const head = `${s.name}: ${s.message}`;
    if (apply(StringStartsWith, text, [head])) return `DOMException [${s.name}]: ${s.message}` + apply(StringSlice, text, [head.length]);
    return text;
  }]);
  const urlModule = { URL, URLSearchParams };
  const bufferModule = { Buffer, constants: { MAX_LENGTH: 4294967296, MAX_STRING_LENGTH: 536870888 }, kMaxLength: 4294967296, atob: globalMethods.atob, btoa: globalMethods.btoa };
  // Shown as native code; constructors stay constructors.
  for (const [fn, name] of [[DOMException, 'DOMException'], [TextEncoder, 'TextEncoder'], [TextDecoder, 'TextDecoder'],
    [URL, 'URL'], [URLSearchParams, 'URLSearchParams'], [Buffer, 'Buffer'], [globalMethods.atob, 'atob'],
    [globalMethods.btoa, 'btoa'], [globalMethods.structuredClone, 'structuredClone']]) looksNative(fn, name);


  // ---- require, module, exports
  const moduleObject = { id: '.', filename: 'main.js', loaded: false, exports: {}, children: [], paths: [] };
  const modules = new MapCtor([['fs', fsModule], ['readline', readlineModule], ['readline/promises', readlinePromisesModule],
    ['process', processObject], ['buffer', bufferModule], ['url', urlModule]]);
  function require(id) {
    if (typeof id !== 'string') {
      throw nodeError(TypeErrorCtor, `The "id" argument must be of type string. Received ${typeName(id)}`, 'ERR_INVALID_ARG_TYPE', require);
    }
    const name = apply(StringStartsWith, id, ['node:']) ? apply(StringSlice, id, [5]) : id;
    const m = apply(MapGet, modules, [name]);
    if (m !== undefined) return m;
    throw nodeError(ErrorCtor, `Cannot find module '${id}': the sandbox has no modules but 'fs' (stdin), 'readline', 'process', 'buffer' and 'url'`,
      'MODULE_NOT_FOUND', require);
  }
  defineProperty(require, 'main', desc(moduleObject));
  defineProperty(moduleObject, 'require', hidden(require));
  const performanceObject = { now() { return apply(DateNow, null, []) - startedAt; }, timeOrigin: startedAt };

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
    clearTimeout, clearInterval, clearImmediate, queueMicrotask, process: processObject, require,
    module: moduleObject, exports: moduleObject.exports, global: G, performance: performanceObject,
    atob: globalMethods.atob, btoa: globalMethods.btoa, structuredClone: globalMethods.structuredClone, TextEncoder, TextDecoder,
    URL, URLSearchParams, Buffer, DOMException };
  const ikeys = ownKeys(installs);
  for (let i = 0; i < ikeys.length; i++) defineProperty(G, ikeys[i], hidden(installs[ikeys[i]]));

  // ------------------------------------------------------------------ the host's entry point
  // A non-configurable, non-writable global the host reaches through the global object (never
  // through a binding the guest could shadow); it answers only to the per-context token.
  function control(token, op, a, b, c) {
    // The one call without the token: the end of the guest's script asks for its nextTick
    // callbacks one at a time (see mainPhase); asking early only runs them early.
    if (token === null && op === 'ticks') return nextMainTick();
    if (token !== TOKEN) throw new TypeErrorCtor('not allowed');
    if (op === 'tick') return tick();
    if (op === 'peek') return peek();
    if (op === 'begin') {
      stdinLines = a === '' ? [] : apply(StringSplit, a, ['\n']);
      if (stdinLines.length && stdinLines[stdinLines.length - 1] === '') stdinLines.length--;
      stdinPos = 0;
      stdinText = a;
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
      handOverInbox();
      methods.log('a', 1);
      peek();
      tick();
      header[0] = 0; header[1] = 0; header[2] = 0; header[3] = 0; header[6] = 0; header[7] = 0;
      return 0;
    }
    if (op === 'finish') {
      // The end of a run with 'exit' listeners: they run, then only their microtasks and the
      // rejections those leave (see exitEmitted; the host peeks until nothing is left).
      exitEmitted = true;
      try { emitExit(); } catch (e) { if (e !== EXIT) reportUncaught(e); }
      return 0;
    }
    if (op === 'watch') {
      apply(PromiseThen, a, [undefined, reportUncaught]);
      // A module body's nextTick callbacks: promise jobs from here on (the body has no end of
      // its script to run them at).
      mainPhase = false;
      for (let i = 0; i < mainTicks.length; i++) runAsJob(mainTicks[i].callback, mainTicks[i].args);
      mainTicks.length = 0;
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
  // Shown as native code, nameless: the guest can see that the global exists, never its source.
  defineProperty(control, 'name', fixed(''));
  looksNative(control, '');
  defineProperty(G, SECRET, { __proto__: null, value: ObjectFreeze(control), writable: false, enumerable: false, configurable: false });
  return outBuffer;
})
