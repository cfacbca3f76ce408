//! Which configuration applies to a file: `--config FILE` for every file, or
//! else the nearest `gwlint.toml` or `.gwlintrc.json` found by walking up from
//! the file's directory (standard input: from the current directory). No file
//! found means the defaults. The keys are those of `gwlint::Config`, so the
//! page's exported settings work as `.gwlintrc.json` unchanged.

use gwlint::Config;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const TOML_NAME: &str = "gwlint.toml";
pub const JSON_NAME: &str = ".gwlintrc.json";

pub type Resolved = Result<Arc<Config>, String>;

pub struct Settings {
    explicit: Option<Resolved>,
    /// Directory → what applies there (cached: a folder of reports shares one).
    by_dir: HashMap<PathBuf, Resolved>,
    default: Arc<Config>,
}

/// Loads a config file by its extension (.toml or JSON); errors name the file.
pub fn load(path: &Path) -> Resolved {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "{}: 无法读取配置文件：{}",
            path.display(),
            super::input::io_reason(&e)
        )
    })?;
    let is_toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    let cfg = if is_toml {
        Config::from_toml(&text)
    } else {
        Config::from_json(&text)
    };
    cfg.map(Arc::new)
        .map_err(|e| format!("{}: {e}", path.display()))
}

impl Settings {
    pub fn new(explicit: Option<&str>) -> Self {
        Settings {
            explicit: explicit.map(|p| load(Path::new(p))),
            by_dir: HashMap::new(),
            default: Arc::new(Config::default()),
        }
    }

    /// The explicit `--config`, if it failed to load (a usage error for the whole run).
    pub fn explicit_error(&self) -> Option<&str> {
        match &self.explicit {
            Some(Err(e)) => Some(e),
            _ => None,
        }
    }

    /// The config for a file (`None`: standard input).
    pub fn for_file(&mut self, file: Option<&Path>) -> Resolved {
        if let Some(r) = &self.explicit {
            return r.clone();
        }
        let start = match file {
            Some(f) => std::path::absolute(f)
                .ok()
                .and_then(|a| a.parent().map(Path::to_path_buf)),
            None => std::env::current_dir().ok(),
        };
        match start {
            Some(dir) => self.for_dir(&dir),
            None => Ok(self.default.clone()),
        }
    }

    fn for_dir(&mut self, dir: &Path) -> Resolved {
        if let Some(r) = self.by_dir.get(dir) {
            return r.clone();
        }
        let toml = dir.join(TOML_NAME);
        let json = dir.join(JSON_NAME);
        let r = match (toml.is_file(), json.is_file()) {
            (true, true) => Err(format!(
                "{}: 同一目录下同时有 {TOML_NAME} 和 {JSON_NAME}，请只保留一个",
                dir.display()
            )),
            (true, false) => load(&toml),
            (false, true) => load(&json),
            (false, false) => match dir.parent() {
                Some(up) => self.for_dir(up),
                None => Ok(self.default.clone()),
            },
        };
        self.by_dir.insert(dir.to_path_buf(), r.clone());
        r
    }
}
