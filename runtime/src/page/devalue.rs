//! devalue's `stringify` for JSON data: how SvelteKit encodes form-action data and
//! `__data.json` node data, so that SvelteKit's client (`deserialize`, `devalue.parse`) reads
//! routekit's responses. Values are flattened into one array; each object, array and distinct
//! primitive gets an index; `undefined` (no data) is `-1`.

use std::collections::HashMap;

use serde_json::Value;

/// devalue's code for `undefined`.
const UNDEFINED: i64 = -1;
/// devalue's code for `-0`.
const NEGATIVE_ZERO: i64 = -6;

/// `devalue.stringify(value)`, with `None` standing for `undefined`.
pub(crate) fn stringify(value: Option<&Value>) -> String {
    let Some(value) = value else {
        return UNDEFINED.to_string();
    };
    let mut flat = Flattener::default();
    let root = flat.flatten(value);
    if root < 0 {
        return root.to_string();
    }
    format!("[{}]", flat.out.join(","))
}

#[derive(Default)]
struct Flattener {
    out: Vec<String>,
    /// Primitives already flattened, by their text: devalue shares their index.
    primitives: HashMap<String, i64>,
}

impl Flattener {
    fn flatten(&mut self, value: &Value) -> i64 {
        match value {
            Value::Array(items) => {
                let index = self.reserve();
                let items: Vec<String> =
                    items.iter().map(|v| self.flatten(v).to_string()).collect();
                self.out[index as usize] = format!("[{}]", items.join(","));
                index
            }
            Value::Object(map) => {
                let index = self.reserve();
                let entries: Vec<String> = map
                    .iter()
                    .map(|(key, v)| format!("{}:{}", Value::String(key.clone()), self.flatten(v)))
                    .collect();
                self.out[index as usize] = format!("{{{}}}", entries.join(","));
                index
            }
            primitive => {
                if let Value::Number(n) = primitive
                    && n.as_f64().is_some_and(|f| f == 0.0 && f.is_sign_negative())
                {
                    return NEGATIVE_ZERO;
                }
                let text = primitive_text(primitive);
                if let Some(&index) = self.primitives.get(&text) {
                    return index;
                }
                let index = self.reserve();
                self.out[index as usize] = text.clone();
                self.primitives.insert(text, index);
                index
            }
        }
    }

    fn reserve(&mut self) -> i64 {
        self.out.push(String::new());
        (self.out.len() - 1) as i64
    }
}

/// A primitive as JavaScript's `String()` writes numbers (`1`, not `1.0`) and JSON writes the
/// rest.
fn primitive_text(value: &Value) -> String {
    if let Value::Number(n) = value
        && n.is_f64()
        && let Some(f) = n.as_f64()
        && f.fract() == 0.0
        && f.abs() < 1e21
    {
        return format!("{f:.0}");
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn matches_devalue() {
        // Outputs of devalue.stringify in Node for the same values.
        assert_eq!(stringify(None), "-1");
        assert_eq!(stringify(Some(&json!(null))), "[null]");
        assert_eq!(stringify(Some(&json!({"a": 1}))), r#"[{"a":1},1]"#);
        assert_eq!(
            stringify(Some(&json!({"a": "x", "b": "x", "c": [1, 2.0]}))),
            r#"[{"a":1,"b":1,"c":2},"x",[3,4],1,2]"#
        );
        assert_eq!(stringify(Some(&json!(-0.0))), "-6");
        assert_eq!(
            stringify(Some(&json!({"message": "Incorrect \"password\""}))),
            r#"[{"message":1},"Incorrect \"password\""]"#
        );
    }
}
