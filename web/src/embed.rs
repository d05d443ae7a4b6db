//! Embed mode: the playground inside a course page's iframe, a compact
//! editor plus test panel with an "Open in playground" link. A page is in
//! embed mode when it is `embed.html` (the copy of the app the build makes
//! for framing by other sites, see `web/csp.mjs`), when its query has
//! `embed`, or when its fragment starts with the flag `embed;`. Options:
//! `embed=output` (no editor: the test panel only) and `embed=readonly`
//! (the code shown but not editable).

/// How an embedded playground shows itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EmbedMode {
    pub output_only: bool,
    pub read_only: bool,
}

/// The file the build writes for framing by other sites.
pub const EMBED_PAGE: &str = "embed.html";

/// The mode the page's address asks for (`None`: the full playground), and
/// the fragment left once its embed flag is taken off (the share link).
pub fn mode_of(pathname: &str, search: &str, hash: &str) -> (Option<EmbedMode>, String) {
    let hash = hash.trim_start_matches('#');
    let (flag, rest) = match hash.split_once(';') {
        Some((flag, rest)) if flag == "embed" || flag.starts_with("embed=") => (Some(flag), rest),
        _ if hash == "embed" || hash.starts_with("embed=") => (Some(hash), ""),
        _ => (None, hash),
    };
    let query = search.trim_start_matches('?').split('&').find(|p| *p == "embed" || p.starts_with("embed="));
    let asked = flag.or(query).or(pathname.ends_with(EMBED_PAGE).then_some("embed"));
    let mode = asked.map(|flag| {
        let options = flag.strip_prefix("embed=").unwrap_or("");
        let has = |name: &str| options.split(',').any(|o| o == name);
        EmbedMode { output_only: has("output"), read_only: has("readonly") }
    });
    (mode, rest.to_string())
}

/// The `src` of an embed for the scenario link `fragment` under the
/// playground at `base` (its folder URL, ending with `/`).
pub fn embed_src(base: &str, fragment: &str, mode: EmbedMode) -> String {
    let options: Vec<&str> = [(mode.output_only, "output"), (mode.read_only, "readonly")].into_iter().filter(|(on, _)| *on).map(|(_, name)| name).collect();
    let query = if options.is_empty() { String::new() } else { format!("?embed={}", options.join(",")) };
    format!("{base}{EMBED_PAGE}{query}#{fragment}")
}

/// The iframe a course page pastes. `allow-scripts allow-same-origin` is
/// what the playground needs (its wasm, its worker, local storage);
/// `allow-popups allow-popups-to-escape-sandbox` lets "Open in playground"
/// open a tab; `clipboard-write` lets Copy work inside the frame.
pub fn iframe_snippet(src: &str, title: &str) -> String {
    let attr = |text: &str| text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"560\" loading=\"lazy\" \
sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" allow=\"clipboard-write\"></iframe>",
        attr(src),
        attr(title)
    )
}

/// The folder URL of the full playground (`https://host/app/`), from this
/// page's origin and path (`…/embed.html` and `…/index.html` both lead to it).
pub fn playground_base(origin: &str, pathname: &str) -> String {
    let folder = pathname.rfind('/').map_or("/", |at| &pathname[..=at]);
    format!("{origin}{folder}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_ways_to_ask() {
        assert_eq!(mode_of("/", "", "#s1.abc"), (None, "s1.abc".into()));
        assert_eq!(mode_of("/", "?embed", "#s1.abc"), (Some(EmbedMode::default()), "s1.abc".into()));
        assert_eq!(mode_of("/app/embed.html", "", "#s1.abc"), (Some(EmbedMode::default()), "s1.abc".into()));
        assert_eq!(mode_of("/", "", "#embed=output;s1.abc"), (Some(EmbedMode { output_only: true, read_only: false }), "s1.abc".into()));
        assert_eq!(mode_of("/", "?x=1&embed=readonly,output", ""), (Some(EmbedMode { output_only: true, read_only: true }), String::new()));
        assert_eq!(mode_of("/", "?embedded=1", "#embedding"), (None, "embedding".into()));
    }

    #[test]
    fn a_snippet_round_trips_through_the_parser() {
        let src = embed_src("https://play.example/app/", "s1.xyz", EmbedMode { output_only: false, read_only: true });
        assert_eq!(src, "https://play.example/app/embed.html?embed=readonly#s1.xyz");
        let (mode, fragment) = mode_of("/app/embed.html", "?embed=readonly", "#s1.xyz");
        assert_eq!((mode, fragment.as_str()), (Some(EmbedMode { output_only: false, read_only: true }), "s1.xyz"));
        let snippet = iframe_snippet(&src, "A \"quoted\" <title>");
        assert!(snippet.contains("title=\"A &quot;quoted&quot; &lt;title>\""), "{snippet}");
        assert!(snippet.contains("sandbox=\"allow-scripts allow-same-origin"));
    }

    #[test]
    fn the_base_is_the_folder() {
        assert_eq!(playground_base("https://h", "/app/embed.html"), "https://h/app/");
        assert_eq!(playground_base("https://h", "/"), "https://h/");
    }
}
