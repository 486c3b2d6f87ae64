// Bad input for the JavaScript API: each case builds its value inside the page (so
// cycles, NaN, BigInt, Proxies and million-element arrays need no serialising), calls
// one export, and says which error code and field path must come back. `make` must be
// self-contained: it is sent to the page as source text.
//
// `path` is the exact JSON path, or a RegExp for paths cut at the depth bound.

const member = (m) => ({ region: "hebei", members: [m] });

export const badInputs = [
  // ---- not a request at all
  { name: "undefined", make: () => undefined, code: "invalid_household", path: "" },
  { name: "null", make: () => null, code: "invalid_household", path: "" },
  { name: "a number", make: () => 42, code: "invalid_household", path: "" },
  { name: "a boolean", make: () => true, code: "invalid_household", path: "" },
  { name: "an array", make: () => [{ region: "hebei" }], code: "invalid_household", path: "" },
  { name: "a symbol", make: () => Symbol("x"), code: "not_json", path: "" },
  { name: "a BigInt", make: () => 10n, code: "not_json", path: "" },
  { name: "a function", make: () => () => 1, code: "not_json", path: "" },
  { name: "an empty string", make: () => "", code: "syntax", path: "" },
  { name: "garbage text", make: () => "not json {", code: "syntax", path: "" },
  { name: "binary garbage", make: () => "\u0000\uffff\ud800]]}", code: "syntax", path: "" },
  { name: "a Map", make: () => new Map([["region", "hebei"]]), code: "not_json", path: "" },

  // ---- missing or misspelt fields
  { name: "empty object", make: () => ({}), code: "unknown_region", path: "region" },
  { name: "no region", make: () => ({ members: [{}] }), code: "unknown_region", path: "region" },
  { name: "no members", make: () => ({ region: "hebei" }), code: "invalid_household", path: "members" },
  { name: "empty members", make: () => ({ region: "hebei", members: [] }), code: "invalid_household", path: "members" },
  { name: "members is a string", make: () => ({ region: "hebei", members: "three" }), code: "invalid_household", path: "members" },
  { name: "member is null", make: () => ({ region: "hebei", members: [null] }), code: "invalid_household", path: "members[0]" },
  { name: "member is a number", make: () => ({ region: "hebei", members: [{}, 7] }), code: "invalid_household", path: "members[1]" },
  { name: "misspelt top-level key", make: () => ({ region: "hebei", member: [{}] }), code: "unknown_field", path: "member" },
  { name: "31 members", make: () => ({ region: "hebei", members: Array.from({ length: 31 }, () => ({})) }), code: "invalid_household", path: "members" },

  // ---- region and date
  { name: "unknown region", make: () => ({ region: "atlantis", members: [{}] }), code: "unknown_region", path: "region" },
  { name: "region is a number", make: () => ({ region: 5, members: [{}] }), code: "unknown_region", path: "region" },
  { name: "region is a lone surrogate", make: () => ({ region: "\ud800", members: [{}] }), code: "unknown_region", path: "region" },
  { name: "region __proto__", make: () => ({ region: "__proto__", members: [{}] }), code: "unknown_region", path: "region" },
  { name: "region of a million characters", make: () => ({ region: "x".repeat(1e6), members: [{}] }), code: "too_large", path: "region" },
  { name: "impossible date", make: () => ({ region: "hebei", date: "2020-02-30", members: [{}] }), code: "bad_date", path: "date" },
  { name: "date out of range", make: () => ({ region: "hebei", date: "2020-13-45", members: [{}] }), code: "bad_date", path: "date" },
  { name: "date as a Date object", make: () => ({ region: "hebei", date: new Date(), members: [{}] }), code: "not_json", path: "date" },
  { name: "date as a number", make: () => ({ region: "hebei", date: 20200601, members: [{}] }), code: "bad_date", path: "date" },

  // ---- absurd values, wrong types
  { name: "negative age", make: () => ({ region: "hebei", members: [{ age: -1 }] }), code: "invalid_household", path: "members[0].age" },
  { name: "age 200", make: () => ({ region: "hebei", members: [{ age: 200 }] }), code: "invalid_household", path: "members[0].age" },
  { name: "fractional age", make: () => ({ region: "hebei", members: [{ age: 1.5 }] }), code: "invalid_household", path: "members[0].age" },
  { name: "age 1e300", make: () => ({ region: "hebei", members: [{ age: 1e300 }] }), code: "invalid_household", path: "members[0].age" },
  { name: "age past 2^53", make: () => ({ region: "hebei", members: [{ age: 2 ** 60 }] }), code: "invalid_household", path: "members[0].age" },
  { name: "age NaN", make: () => ({ region: "hebei", members: [{ age: NaN }] }), code: "not_json", path: "members[0].age" },
  { name: "age Infinity", make: () => ({ region: "hebei", members: [{}, { age: Infinity }] }), code: "not_json", path: "members[1].age" },
  { name: "age -Infinity", make: () => ({ region: "hebei", members: [{ age: -Infinity }] }), code: "not_json", path: "members[0].age" },
  { name: "age as a string", make: () => ({ region: "hebei", members: [{ age: "42" }] }), code: "invalid_household", path: "members[0].age" },
  { name: "age as an object", make: () => ({ region: "hebei", members: [{ age: { years: 4 } }] }), code: "invalid_household", path: "members[0].age" },
  { name: "age as a BigInt", make: () => ({ region: "hebei", members: [{ age: 4n }] }), code: "not_json", path: "members[0].age" },
  { name: "age as a function", make: () => ({ region: "hebei", members: [{ age() { return 4; } }] }), code: "not_json", path: "members[0].age" },
  { name: "negative income", make: () => ({ region: "hebei", household: { income_per_capita_month: "-5" }, members: [{}] }), code: "invalid_household", path: "household.income_per_capita_month" },
  { name: "absurd income", make: () => ({ region: "hebei", household: { income_per_capita_month: "99999999999999999999999999999999" }, members: [{}] }), code: "invalid_household", path: "household.income_per_capita_month" },
  { name: "income in exponent form", make: () => ({ region: "hebei", household: { income_per_capita_month: "1e30" }, members: [{}] }), code: "invalid_household", path: "household.income_per_capita_month" },
  { name: "income as a float", make: () => ({ region: "hebei", household: { income_per_capita_month: 300.5 }, members: [{}] }), code: "invalid_household", path: "household.income_per_capita_month" },
  { name: "income NaN", make: () => ({ region: "hebei", household: { income_per_capita_month: NaN }, members: [{}] }), code: "not_json", path: "household.income_per_capita_month" },
  { name: "income as words", make: () => ({ region: "hebei", household: { income_per_capita_month: "three hundred" }, members: [{}] }), code: "invalid_household", path: "household.income_per_capita_month" },
  { name: "yes/no as a string", make: () => ({ region: "hebei", members: [{ boarding: "yes" }] }), code: "invalid_household", path: "members[0].boarding" },
  { name: "unknown choice", make: () => ({ region: "hebei", members: [{ student_stage: "mars" }] }), code: "invalid_household", path: "members[0].student_stage" },
  { name: "choice as a number", make: () => ({ region: "hebei", members: [{ student_stage: 3 }] }), code: "invalid_household", path: "members[0].student_stage" },
  { name: "unknown fact", make: () => ({ region: "hebei", members: [{ shoe_size: 42 }] }), code: "invalid_household", path: "members[0].shoe_size" },
  { name: "household fact on a member", make: () => ({ region: "hebei", members: [{ economic_hardship: true }] }), code: "invalid_household", path: "members[0].economic_hardship" },
  { name: "derived fact given", make: () => ({ region: "hebei", household: { household_size: 3 }, members: [{}] }), code: "invalid_household", path: "household.household_size" },
  { name: "household is an array", make: () => ({ region: "hebei", household: [], members: [{}] }), code: "invalid_household", path: "household" },
  { name: "prototype-less member", make: () => ({ region: "hebei", members: [Object.assign(Object.create(null), { age: -3 })] }), code: "invalid_household", path: "members[0].age" },

  // ---- huge
  { name: "10^6 members", make: () => ({ region: "hebei", members: new Array(1e6).fill({}) }), code: "too_large", path: "members" },
  { name: "sparse array of length 2^32-1", make: () => ({ region: "hebei", members: new Array(2 ** 32 - 1) }), code: "too_large", path: "members" },
  { name: "typed array of 10^6", make: () => ({ region: "hebei", members: new Uint8Array(1e6) }), code: "not_json", path: "members" },
  { name: "object of 10^6 keys", make: () => { const h = {}; for (let i = 0; i < 1e6; i++) h["k" + i] = i; return { region: "hebei", household: h, members: [{}] }; }, code: "too_large", path: "household" },
  { name: "10^7-character JSON text", make: () => " ".repeat(1e7), code: "too_large", path: "" },
  { name: "10^7-character key", make: () => ({ region: "hebei", members: [{ ["k".repeat(1e7)]: 1 }] }), code: "too_large", path: "members[0]" },
  { name: "10^5-deep JSON text", make: () => '{"region":"hebei","members":' + "[".repeat(1e5), code: "syntax", path: "" },

  // ---- deep and cyclic
  { name: "10^5-deep object", make: () => { let o = {}; for (let i = 0; i < 1e5; i++) o = { a: o }; return { region: "hebei", household: o, members: [{}] }; }, code: "too_large", path: /^household(\.a){15}$/ },
  { name: "10^5-deep array", make: () => { let a = []; for (let i = 0; i < 1e5; i++) a = [a]; return { region: "hebei", members: [{ age: a }] }; }, code: "too_large", path: /^members\[0\]\.age(\[0\]){13}$/ },
  { name: "cyclic object", make: () => { const o = { region: "hebei", members: [{}] }; o.members[0].self = o; return o; }, code: "not_json", path: "members[0].self" },
  { name: "cyclic array", make: () => { const a = [{}]; a.push(a); return { region: "hebei", members: a }; }, code: "not_json", path: "members[1]" },
  { name: "object that contains itself", make: () => { const o = {}; o.o = o; return o; }, code: "not_json", path: "o" },

  // ---- prototype pollution and hostile objects
  { name: "__proto__ key (JSON.parse)", make: () => JSON.parse('{"__proto__": {"polluted": 1}, "region": "hebei", "members": [{}]}'), code: "unknown_field", path: "__proto__" },
  { name: "__proto__ key in a member", make: () => JSON.parse('{"region": "hebei", "members": [{"__proto__": {"age": 5}}]}'), code: "invalid_household", path: "members[0].__proto__" },
  { name: "constructor.prototype key", make: () => ({ constructor: { prototype: { polluted: 1 } }, region: "hebei", members: [{}] }), code: "unknown_field", path: "constructor" },
  { name: "__proto__ in JSON text", make: () => '{"region": "hebei", "members": [{}], "__proto__": {"polluted": 1}}', code: "unknown_field", path: "__proto__" },
  { name: "getter that throws", make: () => ({ region: "hebei", get members() { throw new Error("boom"); } }), code: "not_json", path: "members" },
  { name: "Proxy whose keys throw", make: () => new Proxy({}, { ownKeys() { throw new Error("boom"); } }), code: "not_json", path: "" },
  { name: "Proxy whose reads throw", make: () => new Proxy({ region: "hebei", members: [{}] }, { get() { throw new Error("boom"); } }), code: "not_json", path: "region" },
  { name: "Proxy whose prototype throws", make: () => new Proxy({ region: "hebei", members: [{}] }, { getPrototypeOf() { throw new Error("boom"); } }), code: "not_json", path: "" },
  // A revoked Proxy throws on Array.isArray: that call was not a catching import, the
  // exception unwound through the wasm frames, and after ~1000 calls every export failed
  // with "memory access out of bounds" (issue 25).
  { name: "revoked Proxy", make: () => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; }, code: "not_json", path: "" },
  { name: "revoked Proxy as a member", make: () => { const p = Proxy.revocable({}, {}); p.revoke(); return { region: "hebei", members: [{}, p.proxy] }; }, code: "not_json", path: "members[1]" },
  { name: "revoked Proxy as a value", make: () => { const p = Proxy.revocable([], {}); p.revoke(); return { region: "hebei", members: [{ age: p.proxy }] }; }, code: "not_json", path: "members[0].age" },
  { name: "revoked Proxy as members", make: () => { const p = Proxy.revocable([], {}); p.revoke(); return { region: "hebei", members: p.proxy }; }, code: "not_json", path: "members" },

  // ---- objects that are not plain: read as objects they were {} and their content lost (issue 25)
  { name: "a DOM element", make: () => document.body, code: "not_json", path: "" },
  { name: "a DOM element as a member", make: () => ({ region: "hebei", members: [document.createElement("div")] }), code: "not_json", path: "members[0]" },
  { name: "a WeakMap", make: () => ({ region: "hebei", household: new WeakMap(), members: [{}] }), code: "not_json", path: "household" },
  { name: "a class instance", make: () => ({ region: "hebei", members: [new (class Person { age = 3; })()] }), code: "not_json", path: "members[0]" },
  { name: "a boxed string", make: () => ({ region: new String("hebei"), members: [{}] }), code: "not_json", path: "region" },
  { name: "a Promise", make: () => ({ region: "hebei", members: [Promise.resolve({})] }), code: "not_json", path: "members[0]" },
  { name: "a key of 200 000 characters", make: () => ({ region: "hebei", members: [{ ["k".repeat(2e5)]: 1 }] }), code: "invalid_household", path: "members[0]." + "k".repeat(40) + "…" },
  { name: "a key given twice in JSON text", make: () => '{"region": "hebei", "members": [{"age": 70, "age": 7}]}', code: "invalid_household", path: "members[0].age" },
  { name: "income with an exponent", make: () => ({ region: "hebei", household: { income_per_capita_month: "1e2" }, members: [{}] }), code: "invalid_household", path: "household.income_per_capita_month" },
  { name: "income below the fen", make: () => ({ region: "hebei", household: { income_per_capita_month: "649.999999" }, members: [{}] }), code: "invalid_household", path: "household.income_per_capita_month" },
  { name: "income with spaces", make: () => ({ region: "hebei", household: { income_per_capita_month: " 300 " }, members: [{}] }), code: "invalid_household", path: "household.income_per_capita_month" },
  { name: "date without zeros", make: () => ({ region: "hebei", date: "2020-6-1", members: [{}] }), code: "bad_date", path: "date" },

  // ---- the other exports
  { name: "questions: cyclic object", call: "questions", make: () => { const o = { region: "hebei", members: [{}] }; o.members.push(o); return o; }, code: "not_json", path: "members[1]" },
  { name: "questions: bad age", call: "questions", make: () => ({ region: "hebei", members: [{ age: -4 }] }), code: "invalid_household", path: "members[0].age" },
  { name: "questions: revoked Proxy", call: "questions", make: () => { const p = Proxy.revocable({}, {}); p.revoke(); return { region: "hebei", members: [p.proxy] }; }, code: "not_json", path: "members[0]" },
  { name: "questions: 10^6 members", call: "questions", make: () => ({ region: "hebei", members: new Array(1e6).fill({}) }), code: "too_large", path: "members" },
  { name: "catalog: no region", call: "catalog", make: () => undefined, code: "unknown_region", path: "region" },
  { name: "catalog: a number", call: "catalog", make: () => 5, code: "unknown_region", path: "region" },
  { name: "catalog: an object", call: "catalog", make: () => ({ region: "hebei" }), code: "unknown_region", path: "region" },
  { name: "catalog: unknown region", call: "catalog", make: () => "atlantis", code: "unknown_region", path: "region" },
  { name: "catalog: 10^7 characters", call: "catalog", make: () => "hebei".repeat(2e6), code: "unknown_region", path: "region" },
];

// A valid request, to show the page is alive after the corpus.
export const validHousehold = member({ age: 70 });
