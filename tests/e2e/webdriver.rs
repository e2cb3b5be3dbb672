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

impl Element {
    /// The W3C JSON form, to pass an element to [`Session::execute`].
    pub fn json(&self) -> Value {
        json!({ ELEMENT: self.0 })
    }
}

pub const ENTER: &str = "\u{E007}";
pub const ESCAPE: &str = "\u{E00C}";
pub const SHIFT: &str = "\u{E008}";
pub const CONTROL: &str = "\u{E009}";
pub const SPACE: &str = "\u{E00D}";

fn move_to(x: f64, y: f64, duration_ms: u64) -> Value {
    json!({ "type": "pointerMove", "origin": "viewport", "x": x.round() as i64, "y": y.round() as i64, "duration": duration_ms })
}

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

    /// Runs a script in the page (W3C "execute sync"); `args` may hold element references
    /// made with [`Element::json`].
    pub fn execute(&self, script: &str, args: Value) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Runs an async script: it must call `arguments[arguments.length - 1](result)`.
    pub fn execute_async(&self, script: &str, args: Value) -> Value {
        self.cmd(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// The element's box in viewport (CSS pixel) coordinates: x, y, width, height.
    /// (WebKitWebDriver cannot click SVG groups by reference, so the tests point at
    /// coordinates, as a person does.)
    pub fn rect(&self, e: &Element) -> (f64, f64, f64, f64) {
        let v = self.execute(
            "const r = arguments[0].getBoundingClientRect(); return [r.x, r.y, r.width, r.height];",
            json!([e.json()]),
        );
        let n = |i: usize| v[i].as_f64().unwrap_or_else(|| panic!("no rect in {v}"));
        (n(0), n(1), n(2), n(3))
    }

    pub fn center(&self, e: &Element) -> (f64, f64) {
        let (x, y, w, h) = self.rect(e);
        (x + w / 2.0, y + h / 2.0)
    }

    /// Performs W3C pointer actions (mouse) given as a list of action objects.
    pub fn pointer(&self, actions: Vec<Value>) {
        self.cmd(
            "POST",
            "/actions",
            Some(json!({ "actions": [{ "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" }, "actions": actions }] })),
        );
        self.cmd("DELETE", "/actions", None);
    }

    /// Clicks at viewport coordinates, holding `modifier` (e.g. [`SHIFT`]) if given.
    pub fn click_at(&self, (x, y): (f64, f64), modifier: Option<&str>) {
        if let Some(m) = modifier {
            self.key_down(m);
        }
        self.pointer(vec![
            move_to(x, y, 0),
            json!({ "type": "pointerDown", "button": 0 }),
            json!({ "type": "pointerUp", "button": 0 }),
        ]);
        if let Some(m) = modifier {
            self.key_up(m);
        }
    }

    pub fn double_click_at(&self, (x, y): (f64, f64)) {
        let click = [
            json!({ "type": "pointerDown", "button": 0 }),
            json!({ "type": "pointerUp", "button": 0 }),
        ];
        let mut actions = vec![move_to(x, y, 0)];
        actions.extend(click.iter().cloned());
        actions.extend(click.iter().cloned());
        self.pointer(actions);
    }

    /// Presses at `from`, moves to `to` in `steps` pointer moves (each `step_ms` long),
    /// and releases: a drag as a person makes it.
    pub fn drag(&self, from: (f64, f64), to: (f64, f64), steps: u32, step_ms: u64) {
        let mut actions = vec![
            move_to(from.0, from.1, 0),
            json!({ "type": "pointerDown", "button": 0 }),
        ];
        for i in 1..=steps {
            let t = i as f64 / steps as f64;
            actions.push(move_to(
                from.0 + (to.0 - from.0) * t,
                from.1 + (to.1 - from.1) * t,
                step_ms,
            ));
        }
        actions.push(json!({ "type": "pointerUp", "button": 0 }));
        self.pointer(actions);
    }

    /// Types keys into whatever has focus (W3C key actions); see [`ENTER`] and friends.
    pub fn keys(&self, text: &str) {
        let mut actions = Vec::new();
        for ch in text.chars() {
            actions.push(json!({ "type": "keyDown", "value": ch.to_string() }));
            actions.push(json!({ "type": "keyUp", "value": ch.to_string() }));
        }
        self.key_actions(actions);
    }

    /// Presses `key` while `modifier` is held (e.g. Ctrl+Z).
    pub fn chord(&self, modifier: &str, key: &str) {
        self.key_actions(vec![
            json!({ "type": "keyDown", "value": modifier }),
            json!({ "type": "keyDown", "value": key }),
            json!({ "type": "keyUp", "value": key }),
            json!({ "type": "keyUp", "value": modifier }),
        ]);
    }

    fn key_down(&self, key: &str) {
        self.cmd("POST", "/actions", Some(json!({ "actions": [{ "type": "key", "id": "kbd", "actions": [{ "type": "keyDown", "value": key }] }] })));
    }

    fn key_up(&self, key: &str) {
        self.cmd("POST", "/actions", Some(json!({ "actions": [{ "type": "key", "id": "kbd", "actions": [{ "type": "keyUp", "value": key }] }] })));
        self.cmd("DELETE", "/actions", None);
    }

    fn key_actions(&self, actions: Vec<Value>) {
        self.cmd(
            "POST",
            "/actions",
            Some(json!({ "actions": [{ "type": "key", "id": "kbd", "actions": actions }] })),
        );
        self.cmd("DELETE", "/actions", None);
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

    /// The handles of the app's windows (each window's page).
    pub fn window_handles(&self) -> Vec<String> {
        serde_json::from_value(self.cmd("GET", "/window/handles", None)).unwrap()
    }

    pub fn current_window_handle(&self) -> String {
        serde_json::from_value(self.cmd("GET", "/window", None)).unwrap()
    }

    /// Sends the next commands to the window `handle`.
    pub fn switch_to_window(&self, handle: &str) {
        self.cmd("POST", "/window", Some(json!({ "handle": handle })));
    }

    /// Ends the session: WebKitWebDriver closes the app.
    pub fn end(self) {
        call(&self.agent, "DELETE", &self.base, None);
    }

    /// Ends the session without failing (for a test that is already failing).
    pub fn end_quietly(self) {
        let _ = self.agent.delete(&self.base).call();
    }

    /// Turns the mouse wheel by `(dx, dy)` pixels with the pointer at viewport `(x, y)`
    /// (a W3C "wheel" input source).
    pub fn wheel(&self, (x, y): (f64, f64), (dx, dy): (f64, f64)) {
        self.cmd(
            "POST",
            "/actions",
            Some(json!({ "actions": [{ "type": "wheel", "id": "wheel", "actions": [
                { "type": "scroll", "origin": "viewport", "x": x.round() as i64, "y": y.round() as i64,
                  "deltaX": dx.round() as i64, "deltaY": dy.round() as i64, "duration": 0 }
            ] }] })),
        );
        self.cmd("DELETE", "/actions", None);
    }

    /// A [`Session::drag`] made while `key` is held down (e.g. [`SPACE`] to pan).
    pub fn drag_holding(
        &self,
        key: &str,
        from: (f64, f64),
        to: (f64, f64),
        steps: u32,
        step_ms: u64,
    ) {
        self.key_down(key);
        self.drag(from, to, steps, step_ms);
        self.key_up(key);
    }

    /// Presses `key` while all of `modifiers` are held (e.g. Ctrl+Shift+Z).
    pub fn chord_with(&self, modifiers: &[&str], key: &str) {
        let mut actions: Vec<Value> = modifiers
            .iter()
            .map(|m| json!({ "type": "keyDown", "value": m }))
            .collect();
        actions.push(json!({ "type": "keyDown", "value": key }));
        actions.push(json!({ "type": "keyUp", "value": key }));
        actions.extend(
            modifiers
                .iter()
                .rev()
                .map(|m| json!({ "type": "keyUp", "value": m })),
        );
        self.key_actions(actions);
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
