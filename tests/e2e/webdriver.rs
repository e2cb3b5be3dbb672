//! A small W3C WebDriver client: just the calls the end-to-end tests make.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Session {
    agent: ureq::Agent,
    base: String,
}

#[derive(Clone, Debug)]
pub struct Element(String);

impl Session {
    /// Starts the app through tauri-driver; returns once its window has loaded.
    pub fn start(driver_url: &str, application: &std::path::Path, args: &[&str]) -> Session {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .into();
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "tauri:options": { "application": application, "args": args }
        } } });
        let reply = call(&agent, "POST", &format!("{driver_url}/session"), Some(caps));
        let id = reply["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session id in {reply}"))
            .to_string();
        Session {
            agent,
            base: format!("{driver_url}/session/{id}"),
        }
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        call(&self.agent, method, &format!("{}{path}", self.base), body)
    }

    pub fn find_all(&self, css: &str) -> Vec<Element> {
        let v = self.cmd(
            "POST",
            "/elements",
            Some(json!({ "using": "css selector", "value": css })),
        );
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|e| Element(e[ELEMENT].as_str().unwrap().to_string()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The element's `textContent`. (WebKitWebDriver's rendered-text call answers ""
    /// for text inside `overflow: hidden` ellipsis boxes, which the sidebar uses.)
    pub fn text(&self, e: &Element) -> String {
        self.cmd(
            "GET",
            &format!("/element/{}/property/textContent", e.0),
            None,
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    pub fn attribute(&self, e: &Element, name: &str) -> Option<String> {
        self.cmd("GET", &format!("/element/{}/attribute/{name}", e.0), None)
            .as_str()
            .map(str::to_string)
    }

    pub fn click(&self, e: &Element) {
        self.cmd("POST", &format!("/element/{}/click", e.0), Some(json!({})));
    }

    /// Types into an element; `\u{E007}` is Enter.
    pub fn type_text(&self, e: &Element, text: &str) {
        self.cmd(
            "POST",
            &format!("/element/{}/value", e.0),
            Some(json!({ "text": text })),
        );
    }

    /// Waits until the page's fonts are loaded and two frames have been painted since,
    /// so a screenshot shows what a person would see, not a half-drawn page.
    pub fn wait_painted(&self) {
        let script = "const done = arguments[arguments.length - 1];\
                      document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));";
        let v = self.cmd(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": [] })),
        );
        assert_eq!(v, json!(true), "the page did not finish painting");
    }

    pub fn screenshot_png(&self) -> Vec<u8> {
        self.wait_painted();
        use base64::Engine;
        let b64 = self.cmd("GET", "/screenshot", None);
        base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().expect("screenshot data"))
            .unwrap()
    }

    /// Ends the session: WebKitWebDriver closes the app.
    pub fn end(self) {
        call(&self.agent, "DELETE", &self.base, None);
    }
}

fn call(agent: &ureq::Agent, method: &str, url: &str, body: Option<Value>) -> Value {
    let result = match (method, body) {
        ("GET", _) => agent.get(url).call(),
        ("DELETE", _) => agent.delete(url).call(),
        (_, body) => agent.post(url).send_json(body.unwrap_or(json!({}))),
    };
    let mut response = result.unwrap_or_else(|e| panic!("{method} {url}: {e}"));
    let status = response.status();
    let v: Value = response.body_mut().read_json().unwrap_or(Value::Null);
    assert!(status.is_success(), "{method} {url} answered {status}: {v}");
    v["value"].clone()
}

/// Polls `probe` until it gives a value; fails with `what` after `timeout`.
pub fn wait_for<T>(timeout: Duration, what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = probe() {
            return v;
        }
        assert!(
            start.elapsed() < timeout,
            "timed out after {timeout:?} waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
