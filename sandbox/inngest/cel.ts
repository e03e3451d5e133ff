// The CEL subset our trigger, cancel, wait and key expressions use. Anything else is rejected at
// sync time so a typo never silently matches nothing at run time.
type Node =
  | { kind: "lit"; value: unknown }
  | { kind: "path"; root: "event" | "async"; fields: string[] }
  | { kind: "not"; arg: Node }
  | { kind: "bin"; op: BinOp; left: Node; right: Node };
type BinOp = "==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||";
type Token = { t: "str" | "num" | "id" | "op"; v: string; pos: number };

export class CelError extends Error {}

export interface CelScope {
  event?: unknown;
  async?: unknown;
}

// Tokens beyond the subset (",", "+", "?", …) are lexed so the parser can name them in its error.
const OPS = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", ".", "[", "]", ",", "+", "-", "*", "/", "%", "?", ":", "{", "}"];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\" && j + 1 < src.length) { s += unescape(src[j + 1]!); j += 2; continue; }
        s += src[j]; j++;
      }
      if (j >= src.length) throw new CelError(`unterminated string at ${i}`);
      out.push({ t: "str", v: s, pos: i });
      i = j + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num && (c !== "-" || out.length === 0 || out[out.length - 1]!.t === "op" && out[out.length - 1]!.v !== ")")) {
      out.push({ t: "num", v: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) { out.push({ t: "id", v: id[0], pos: i }); i += id[0].length; continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new CelError(`unsupported character "${c}" at ${i}`);
    out.push({ t: "op", v: op, pos: i });
    i += op.length;
  }
  return out;
}

function unescape(ch: string): string {
  return ({ n: "\n", t: "\t", r: "\r" } as Record<string, string>)[ch] ?? ch;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[], private readonly src: string) {}
  parse(): Node {
    if (this.toks.length === 0) throw new CelError("empty expression");
    const node = this.or();
    if (this.i < this.toks.length) this.fail(`unsupported operator or token "${this.toks[this.i]!.v}"`);
    return node;
  }
  private peek(v: string): boolean {
    const t = this.toks[this.i];
    return !!t && t.t === "op" && t.v === v;
  }
  private fail(msg: string): never {
    const t = this.toks[this.i];
    throw new CelError(`${msg} at ${t ? t.pos : this.src.length}`);
  }
  private or(): Node {
    let left = this.and();
    while (this.peek("||")) { this.i++; left = { kind: "bin", op: "||", left, right: this.and() }; }
    return left;
  }
  private and(): Node {
    let left = this.cmp();
    while (this.peek("&&")) { this.i++; left = { kind: "bin", op: "&&", left, right: this.cmp() }; }
    return left;
  }
  private cmp(): Node {
    const left = this.unary();
    const t = this.toks[this.i];
    if (t && t.t === "op" && ["==", "!=", "<", "<=", ">", ">="].includes(t.v)) {
      this.i++;
      return { kind: "bin", op: t.v as BinOp, left, right: this.unary() };
    }
    return left;
  }
  private unary(): Node {
    if (this.peek("!")) { this.i++; return { kind: "not", arg: this.unary() }; }
    return this.primary();
  }
  private primary(): Node {
    const t = this.toks[this.i];
    if (!t) this.fail("unexpected end of expression");
    this.i++;
    if (t.t === "str") return { kind: "lit", value: t.v };
    if (t.t === "num") return { kind: "lit", value: Number(t.v) };
    if (t.t === "op" && t.v === "(") {
      const inner = this.or();
      if (!this.peek(")")) this.fail('expected ")"');
      this.i++;
      return inner;
    }
    if (t.t === "id") {
      if (t.v === "true" || t.v === "false") return { kind: "lit", value: t.v === "true" };
      if (t.v === "null") return { kind: "lit", value: null };
      if (this.peek("(")) this.fail(`function calls are not supported ("${t.v}(")`);
      if (t.v !== "event" && t.v !== "async") {
        this.i--;
        this.fail(`unsupported identifier "${t.v}" (only event and async are allowed)`);
      }
      return { kind: "path", root: t.v, fields: this.fields() };
    }
    this.i--;
    return this.fail(`unexpected "${t.v}"`);
  }
  private fields(): string[] {
    const fields: string[] = [];
    for (;;) {
      if (this.peek(".")) {
        this.i++;
        const f = this.toks[this.i];
        if (!f || f.t !== "id") this.fail("expected a field name after '.'");
        this.i++;
        fields.push(f.v);
        if (this.peek("(")) this.fail(`function calls are not supported ("${f.v}(")`);
      } else if (this.peek("[")) {
        this.i++;
        const f = this.toks[this.i];
        if (!f || (f.t !== "str" && f.t !== "num")) this.fail("expected a string or number index");
        this.i++;
        if (!this.peek("]")) this.fail('expected "]"');
        this.i++;
        fields.push(f.v);
      } else return fields;
    }
  }
}

export interface CompiledExpr {
  source: string;
  evaluate(scope: CelScope): unknown;
  test(scope: CelScope): boolean;
}

/** Parses an expression; throws CelError with a position on anything outside the subset. */
export function compileCel(source: string): CompiledExpr {
  let ast: Node;
  try {
    ast = new Parser(tokenize(source), source).parse();
  } catch (err) {
    if (err instanceof CelError) throw new CelError(`invalid expression ${JSON.stringify(source)}: ${err.message}`);
    throw err;
  }
  return {
    source,
    evaluate: (scope) => evaluate(ast, scope),
    test: (scope) => evaluate(ast, scope) === true,
  };
}

function evaluate(node: Node, scope: CelScope): unknown {
  switch (node.kind) {
    case "lit":
      return node.value;
    case "path": {
      let cur: unknown = scope[node.root];
      for (const f of node.fields) {
        if (cur === null || typeof cur !== "object") return null;
        cur = (cur as Record<string, unknown>)[f];
      }
      return cur === undefined ? null : cur;
    }
    case "not":
      return evaluate(node.arg, scope) !== true;
    case "bin": {
      if (node.op === "&&") return evaluate(node.left, scope) === true && evaluate(node.right, scope) === true;
      if (node.op === "||") return evaluate(node.left, scope) === true || evaluate(node.right, scope) === true;
      const l = evaluate(node.left, scope);
      const r = evaluate(node.right, scope);
      if (node.op === "==") return deepEqual(l, r);
      if (node.op === "!=") return !deepEqual(l, r);
      if (!((typeof l === "number" && typeof r === "number") || (typeof l === "string" && typeof r === "string"))) return false;
      if (node.op === "<") return l < r;
      if (node.op === "<=") return l <= r;
      if (node.op === ">") return l > r;
      return l >= r;
    }
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
