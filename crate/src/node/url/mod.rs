//! The one WHATWG URL implementation (the `url` crate, as Node's ada follows
//! the same standard): the `URL` and `URLSearchParams` classes of
//! `whatwg.js` and every client that builds a request URL go through it.

use url::{quirks, Url};

/// The fields `URL` exposes, in the order `whatwg.js` reads them.
pub const FIELDS: [&str; 11] = ["href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"];

/// Parses `input` against an optional `base`, as `new URL(input, base)`.
pub fn parse(input: &str, base: Option<&str>) -> Option<Url> {
    match base {
        Some(base) => Url::parse(base).ok()?.join(input).ok(),
        None => Url::parse(input).ok(),
    }
}

/// The values of [`FIELDS`] for a parsed URL.
pub fn components(url: &Url) -> [String; 11] {
    [
        quirks::href(url).to_string(),
        quirks::origin(url),
        quirks::protocol(url).to_string(),
        quirks::username(url).to_string(),
        quirks::password(url).to_string(),
        quirks::host(url).to_string(),
        quirks::hostname(url).to_string(),
        quirks::port(url).to_string(),
        quirks::pathname(url).to_string(),
        quirks::search(url).to_string(),
        quirks::hash(url).to_string(),
    ]
}

/// Applies one setter (`url.field = value`) as the standard does: a value the
/// setter refuses leaves the URL unchanged. `Err` only for an unknown field
/// or an `href` that does not parse (the one setter that throws).
pub fn set(url: &mut Url, field: &str, value: &str) -> Result<(), ()> {
    match field {
        "href" => return quirks::set_href(url, value).map_err(|_| ()),
        "protocol" => drop(quirks::set_protocol(url, value)),
        "username" => drop(quirks::set_username(url, value)),
        "password" => drop(quirks::set_password(url, value)),
        "host" => drop(quirks::set_host(url, value)),
        "hostname" => drop(quirks::set_hostname(url, value)),
        "port" => drop(quirks::set_port(url, value)),
        "pathname" => quirks::set_pathname(url, value),
        "search" => quirks::set_search(url, value),
        "hash" => quirks::set_hash(url, value),
        _ => return Err(()),
    }
    Ok(())
}

/// A request URL as Node's clients send it: the WHATWG serialization of an
/// absolute URL; text that does not parse is kept as given.
pub fn normalize_request_url(raw: &str) -> String {
    Url::parse(raw).map(|u| u.to_string()).unwrap_or_else(|_| raw.to_string())
}

/// application/x-www-form-urlencoded parsing (`URLSearchParams`' input).
pub fn form_parse(text: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(text.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

/// application/x-www-form-urlencoded serialization (`URLSearchParams`' output).
pub fn form_serialize<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
}

pub fn domain_to_ascii(domain: &str) -> String {
    quirks::domain_to_ascii(domain)
}

pub fn domain_to_unicode(domain: &str) -> String {
    quirks::domain_to_unicode(domain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_urls_are_serialized_as_whatwg_does() {
        assert_eq!(normalize_request_url("https://x.com/a b?q='1' {x}#f"), "https://x.com/a%20b?q=%271%27%20{x}#f");
        assert_eq!(normalize_request_url("HTTPS://X.com:443"), "https://x.com/");
        assert_eq!(normalize_request_url("not a url"), "not a url");
    }

    #[test]
    fn form_encoding_round_trips() {
        let pairs = form_parse("a=b+c&d=%zz&e=it%27s");
        assert_eq!(pairs, vec![("a".into(), "b c".into()), ("d".into(), "%zz".into()), ("e".into(), "it's".into())]);
        assert_eq!(form_serialize(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))), "a=b+c&d=%25zz&e=it%27s");
    }

    #[test]
    fn a_refused_setter_keeps_the_url() {
        let mut url = parse("https://x.com/p", None).unwrap();
        set(&mut url, "port", "nope").unwrap();
        set(&mut url, "search", "a=1").unwrap();
        assert_eq!(url.as_str(), "https://x.com/p?a=1");
        assert!(set(&mut url, "href", "relative").is_err());
    }
}

/// The URL natives of the `native` bridge (none needs run state).
pub mod natives {
    use boa_engine::object::builtins::JsArray;
    use boa_engine::object::ObjectInitializer;
    use boa_engine::{js_string, Context, JsNativeError, JsResult, JsString, JsValue, NativeFunction};

    /// A USVString argument (lone surrogates become U+FFFD, as WebIDL converts).
    fn usv(args: &[JsValue], i: usize, context: &mut Context) -> JsResult<String> {
        Ok(args.get(i).cloned().unwrap_or_default().to_string(context)?.to_std_string_lossy())
    }

    fn strings(items: impl IntoIterator<Item = String>, context: &mut Context) -> JsValue {
        JsArray::from_iter(items.into_iter().map(|s| JsString::from(s.as_str()).into()), context).into()
    }

    /// `urlParse(input, base?)`: the URL's fields, or null when it does not parse.
    fn url_parse(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        let input = usv(args, 0, context)?;
        let base = match args.get(1) {
            Some(b) if !b.is_undefined() => Some(usv(args, 1, context)?),
            _ => None,
        };
        Ok(super::parse(&input, base.as_deref()).map(|u| strings(super::components(&u), context)).unwrap_or(JsValue::null()))
    }

    /// `urlSet(href, field, value)`: the fields after the setter, or null when
    /// a new `href` does not parse.
    fn url_set(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        let href = usv(args, 0, context)?;
        let field = usv(args, 1, context)?;
        let value = usv(args, 2, context)?;
        let mut url = super::parse(&href, None).ok_or_else(|| JsNativeError::typ().with_message("Invalid URL"))?;
        Ok(match super::set(&mut url, &field, &value) {
            Ok(()) => strings(super::components(&url), context),
            Err(()) => JsValue::null(),
        })
    }

    /// `formParse(text)`: [name, value, name, value, …].
    fn form_parse(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        let text = usv(args, 0, context)?;
        Ok(strings(super::form_parse(&text).into_iter().flat_map(|(k, v)| [k, v]), context))
    }

    /// `formSerialize([name, value, …])`.
    fn form_serialize(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        let list = args.first().and_then(JsValue::as_object).ok_or_else(|| JsNativeError::typ().with_message("expected a list"))?;
        let list = JsArray::from_object(list.clone())?;
        let mut flat = Vec::new();
        for i in 0..list.length(context)? {
            flat.push(list.get(i, context)?.to_string(context)?.to_std_string_lossy());
        }
        let pairs = flat.chunks(2).map(|p| (p[0].as_str(), p.get(1).map_or("", String::as_str)));
        Ok(JsString::from(super::form_serialize(pairs).as_str()).into())
    }

    fn domain_to_ascii(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        Ok(JsString::from(super::domain_to_ascii(&usv(args, 0, context)?).as_str()).into())
    }

    fn domain_to_unicode(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        Ok(JsString::from(super::domain_to_unicode(&usv(args, 0, context)?).as_str()).into())
    }

    pub fn register(init: &mut ObjectInitializer<'_>) {
        init.function(NativeFunction::from_fn_ptr(url_parse), js_string!("urlParse"), 2);
        init.function(NativeFunction::from_fn_ptr(url_set), js_string!("urlSet"), 3);
        init.function(NativeFunction::from_fn_ptr(form_parse), js_string!("formParse"), 1);
        init.function(NativeFunction::from_fn_ptr(form_serialize), js_string!("formSerialize"), 1);
        init.function(NativeFunction::from_fn_ptr(domain_to_ascii), js_string!("domainToASCII"), 1);
        init.function(NativeFunction::from_fn_ptr(domain_to_unicode), js_string!("domainToUnicode"), 1);
    }
}
