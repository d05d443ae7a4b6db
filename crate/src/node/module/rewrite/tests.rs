use super::*;

/// The action's part of the compiled text.
fn body(code: &str) -> String {
    let compiled = instrument(code).text;
    let start = compiled.find(") { ").expect("wrapper") + 4;
    compiled[start..compiled.len() - 3].to_string()
}

#[test]
fn property_accesses_check_their_object() {
    assert_eq!(body("x = a.b;"), "x = (a ?? __apNil(a)).b;");
    assert_eq!(body("x = a[k];"), "x = (a ?? __apNil(a))[k];");
    assert_eq!(body("x = a.b.c;"), "x = ((__apT = (a ?? __apNil(a)).b) ?? __apNil(__apT)).c;");
    assert_eq!(body("x = a?.b;"), "x = a?.b;");
    assert_eq!(body("x = a?.b?.[c]?.();"), "x = a?.b?.[c]?.();");
    assert_eq!(body("delete a?.b.c;"), "delete a?.b.c;");
    assert_eq!(body("(a?.b.c)();"), "(a?.b.c)();");
    assert_eq!(body("x = a?.b.c;"), "x = ((__apT = a) == null ? void 0 : ((__apT = __apT?.b) ?? __apNil(__apT)).c);");
    assert_eq!(
        body("x = f()?.b.c?.d[e]();"),
        "x = ((__apT = f()) == null ? void 0 : ((__apT = ((__apT = __apT?.b) ?? __apNil(__apT)).c) == null ? void 0 : ((__apT = __apT?.d) ?? __apNil(__apT))[e]()));"
    );
    assert_eq!(body("x = a[i][ j ].c;"), "x = ((__apT = ((__apT = (a ?? __apNil(a))[i]) ?? __apNil(__apT))[ j ]) ?? __apNil(__apT)).c;");
    assert_eq!(body("x = 'abc'.length + [1].length + new A().b;"), "x = 'abc'.length + [1].length + new A().b;");
    assert_eq!(body("x = null.b;"), "x = ((__apT = null) ?? __apNil(__apT)).b;");
    assert_eq!(body("function f() { return g().h; }"), "function f() { var __apT; __apDepth(); return ((__apT = g()) ?? __apNil(__apT)).h; }");
    assert_eq!(body("x = f(y).z;"), "x = ((__apT = f(y)) ?? __apNil(__apT)).z;");
    assert_eq!(body("x = (a || b).c;"), "x = ((__apT = (a || b)) ?? __apNil(__apT)).c;");
    assert_eq!(body("x = (a).c;"), "x = ((a) ?? __apNil((a))).c;");
    assert_eq!(body("x = tag`t`.c;"), "x = ((__apT = tag`t`) ?? __apNil(__apT)).c;");
    assert_eq!(body("x = this.c;"), "x = (this ?? __apNil(this)).c;");
}

#[test]
fn a_statement_starting_with_a_check_does_not_continue_the_one_before() {
    assert_eq!(body("f()\na.b = 1"), "f()\n;(a ?? __apNil(a)).b = 1");
    assert_eq!(body("if (c) a.b();"), "if (c) (a ?? __apNil(a)).b();");
}

#[test]
fn function_bodies_check_the_depth() {
    assert_eq!(body("function f(n) { return f(n); }"), "function f(n) { __apDepth(); return f(n); }");
    assert_eq!(body("const h = x => x + 1;"), "const h = x => (__apDepth(), x + 1);");
    assert_eq!(body("const o = () => ({ a: 1 });"), "const o = () => (__apDepth(), ({ a: 1 }));");
    assert_eq!(body("const k = (o) => o[k];"), "const k = (o) => (__apDepth(), (o ?? __apNil(o))[k]);");
    assert_eq!(body("const k = (o) => o.p[k];"), "const k = (o) => { var __apT; __apDepth(); return ((__apT = (o ?? __apNil(o)).p) ?? __apNil(__apT))[k]};");
    assert_eq!(body("const g = async (a, b) => { x(); };"), "const g = async (a, b) => { __apDepth(); x(); };");
    assert_eq!(
        body("class A { get v() { return 1; } [k]() {} *gen() {} }"),
        "class A { get v() { __apDepth(); return 1; } [k]() { __apDepth();} *gen() { __apDepth();} }"
    );
    assert_eq!(body("function s() {\n  'use strict';\n  go();\n}"), "function s() {\n  'use strict'; __apDepth();\n  go();\n}");
    for block in ["if (a) { b(); }", "while (y) { z(); }", "switch (k) { case 1: }", "const o = { a: 1 };"] {
        assert_eq!(body(block), block);
    }
}

#[test]
fn catch_clauses_get_the_hook() {
    assert_eq!(body("try { a(); } catch (e) { log(e); }"), "try { a(); } catch (e) { e = __apCaught(e); log(e); }");
    assert_eq!(body("try {} catch(err) /* x */ {\n}"), "try {} catch(err) /* x */ { err = __apCaught(err);\n}");
    assert_eq!(body("try {} catch {}"), "try {} catch {}");
    assert_eq!(body("try {} catch ({ message }) {}"), "try {} catch ({ message }) {}");
}

#[test]
fn strings_comments_and_templates_are_left_alone() {
    for code in ["const s = 'a.b';", "// a.b\nx();", "/* a.b */ x();", "const r = /a.b/;"] {
        assert_eq!(body(code), code, "{code}");
    }
    assert_eq!(body("const t = `${a.b}`;"), "const t = `${(a ?? __apNil(a)).b}`;");
}

#[test]
fn code_that_does_not_parse_is_compiled_as_written() {
    assert_eq!(body("x = a.b; )"), "x = a.b; )");
}

#[test]
fn lines_columns_and_sources_map_back() {
    let code = "const x = 1;\nconst y = a.b.c(x);\nfunction f() { return q.r; }";
    let instrumented = instrument(code);
    assert_eq!(instrumented.text.lines().count(), instrumented.original.lines().count());
    let line = instrumented.text.lines().nth(1).unwrap();
    let call = line.find("(x)").unwrap() + 1;
    assert_eq!(instrumented.original_column(2, call), "const y = a.b.c".len() + 1);
    let compiled = &instrumented.text[instrumented.text.find("function f").unwrap()..instrumented.text.rfind('}').unwrap() - 1];
    assert_eq!(instrumented.original_source(compiled), Some("function f() { return q.r; }"));
}

#[test]
fn iterated_and_destructured_values_are_checked_with_v8s_naming() {
    assert_eq!(body("for (const x of o) {}"), r#"for (const x of __apIter(o, 0, "o")) {}"#);
    assert_eq!(body("for (const x of f()) {}"), r#"for (const x of __apIter(f(), 1, "f")) {}"#);
    assert_eq!(body("for (const x of a || b) {}"), r#"for (const x of __apIter(a || b, 2, null)) {}"#);
    assert_eq!(body("x = [...a, ...[1]];"), r#"x = [...__apIter(a, 0, "a"), ...[1]];"#);
    assert_eq!(body("f(...a);"), r#"f(...__apIter(a, 3, "a"));"#);
    assert_eq!(body("const [p] = g();"), r#"const [p] = __apIter(g(), 1, "g");"#);
    assert_eq!(body("const { id } = r.d;"), r#"const { id } = __apDestr((r ?? __apNil(r)).d, 0, "id", "r.d");"#);
    assert_eq!(body("const { a: { b } } = o;"), r#"const { a: { b } } = __apDestr(o, 0, "a", "o", [["a","b"]]);"#);
    assert_eq!(body("({ k = 1 } = f(1));"), r#"({ k = 1 } = __apDestr(f(1), 2, "k", "f(...)"));"#);
}
