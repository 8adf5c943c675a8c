//! Compatibility levels and modes, global and per subject: `GET|PUT|DELETE /config` and
//! `/mode`. Reads answer `compatibilityLevel`, updates answer `compatibility`, as Confluent
//! does; a subject without its own setting is a 404 unless the global one is asked for.

use serde_json::{json, Value};

use super::error::RegistryError;
use super::records::{ConfigValue, ModeValue, RegistryRecord};
use super::registry::{check_subject, set, Registry};
use super::types::{CompatibilityLevel, Mode};

impl Registry {
    /// `GET /config` and `GET /config/{subject}`.
    pub fn config(
        &self,
        subject: Option<&str>,
        default_to_global: bool,
    ) -> Result<Value, RegistryError> {
        let replica = self.read()?;
        let state = &replica.state;
        match subject {
            Some(s) if !default_to_global => {
                let config = state
                    .configs
                    .get(&Some(s.to_owned()))
                    .ok_or_else(|| RegistryError::subject_config_not_found(s))?;
                Ok(config_entity(config, "compatibilityLevel"))
            }
            _ => Ok(json!({"compatibilityLevel": state.compatibility(subject).as_str()})),
        }
    }

    /// `PUT /config` and `PUT /config/{subject}`.
    pub async fn set_config(
        &self,
        subject: Option<&str>,
        level: Option<&str>,
        policy: Option<&str>,
        normalize: Option<bool>,
    ) -> Result<Value, RegistryError> {
        if let Some(s) = subject {
            check_subject(s)?;
        }
        let level = match level {
            Some(l) => Some(
                CompatibilityLevel::parse(l)
                    .ok_or_else(RegistryError::invalid_compatibility_level)?,
            ),
            None => None,
        };
        let policy = match policy.map(|p| p.trim().to_ascii_uppercase()) {
            Some(p) if p == "STRICT" || p == "LENIENT" => Some(p),
            Some(_) => {
                return Err(RegistryError::invalid_compatibility_policy());
            }
            None => None,
        };
        let _turn = self.writer.lock().await;
        let value = {
            let replica = self.read()?;
            let state = &replica.state;
            if state.mode(subject).read_only() {
                return Err(RegistryError::not_permitted(format!(
                    "Subject {} is in read-only mode",
                    subject.unwrap_or("null")
                )));
            }
            let old = state.configs.get(&subject.map(str::to_owned));
            ConfigValue {
                subject: subject.map(str::to_owned),
                compatibility_level: level.or(old.and_then(|c| c.compatibility_level)),
                compatibility_policy: policy.or(old.and_then(|c| c.compatibility_policy.clone())),
                normalize: normalize.or(old.and_then(|c| c.normalize)),
            }
        };
        let answer = config_entity(&value, "compatibility");
        self.write(&[RegistryRecord::Config(
            subject.map(str::to_owned),
            Some(value),
        )])
        .await?;
        Ok(answer)
    }

    /// `DELETE /config` and `DELETE /config/{subject}`: the previous setting.
    pub async fn delete_config(&self, subject: Option<&str>) -> Result<Value, RegistryError> {
        let _turn = self.writer.lock().await;
        let previous = {
            let replica = self.read()?;
            let state = &replica.state;
            let key = subject.map(str::to_owned);
            let old = state.configs.get(&key);
            if let (Some(s), None) = (subject, old) {
                return Err(RegistryError::subject_not_found(s));
            }
            if state.mode(subject).read_only() {
                return Err(RegistryError::not_permitted(format!(
                    "Subject {} is in read-only mode",
                    subject.unwrap_or("null")
                )));
            }
            old.and_then(|c| c.compatibility_level).unwrap_or_default()
        };
        self.write(&[RegistryRecord::Config(subject.map(str::to_owned), None)])
            .await?;
        Ok(json!({"compatibilityLevel": previous.as_str()}))
    }

    /// `GET /mode` and `GET /mode/{subject}`.
    pub fn mode(
        &self,
        subject: Option<&str>,
        default_to_global: bool,
    ) -> Result<Value, RegistryError> {
        let replica = self.read()?;
        let state = &replica.state;
        match subject {
            Some(s) if !default_to_global => {
                let mode = state
                    .modes
                    .get(&Some(s.to_owned()))
                    .ok_or_else(|| RegistryError::subject_mode_not_found(s))?;
                Ok(json!({"mode": mode.as_str()}))
            }
            _ => Ok(json!({"mode": state.mode(subject).as_str()})),
        }
    }

    /// `PUT /mode` and `PUT /mode/{subject}`; the answer echoes the request.
    pub async fn set_mode(
        &self,
        subject: Option<&str>,
        mode: &str,
        force: bool,
    ) -> Result<Value, RegistryError> {
        if let Some(s) = subject {
            check_subject(s)?;
        }
        let parsed = Mode::parse(mode).ok_or_else(RegistryError::invalid_mode)?;
        let _turn = self.writer.lock().await;
        let records = {
            let replica = self.read()?;
            let state = &replica.state;
            let key = subject.map(str::to_owned);
            let mut records = Vec::new();
            if parsed == Mode::Import && state.mode(subject) != Mode::Import {
                let matching: Vec<&String> = state
                    .subjects
                    .keys()
                    .filter(|s| subject.is_none_or(|want| want == s.as_str()))
                    .collect();
                let live = matching.iter().any(|s| !state.live_versions(s).is_empty());
                if live && !force {
                    return Err(RegistryError::not_permitted(
                        "Cannot import since found existing subjects",
                    ));
                }
                if matching.iter().any(|s| {
                    state
                        .subjects
                        .get(*s)
                        .is_some_and(|v| v.values().any(|e| e.deleted))
                }) {
                    records.push(RegistryRecord::ClearSubject(key.clone()));
                }
            }
            records.push(RegistryRecord::Mode(
                key.clone(),
                Some(ModeValue {
                    subject: key,
                    mode: parsed,
                }),
            ));
            records
        };
        self.write(&records).await?;
        Ok(json!({"mode": mode}))
    }

    /// `DELETE /mode` and `DELETE /mode/{subject}`: the previous mode.
    pub async fn delete_mode(&self, subject: Option<&str>) -> Result<Value, RegistryError> {
        let _turn = self.writer.lock().await;
        let previous = {
            let replica = self.read()?;
            let state = &replica.state;
            let old = state.modes.get(&subject.map(str::to_owned)).copied();
            if let (Some(s), None) = (subject, old) {
                return Err(RegistryError::subject_not_found(s));
            }
            old.unwrap_or_default()
        };
        self.write(&[RegistryRecord::Mode(subject.map(str::to_owned), None)])
            .await?;
        Ok(json!({"mode": previous.as_str()}))
    }
}

/// A stored config as Confluent answers it, the level under `key`.
fn config_entity(config: &ConfigValue, key: &str) -> Value {
    let mut v = json!({ key: config.compatibility_level.unwrap_or_default().as_str() });
    if let Some(policy) = &config.compatibility_policy {
        set(&mut v, "compatibilityPolicy", json!(policy));
    }
    if let Some(n) = config.normalize {
        set(&mut v, "normalize", json!(n));
    }
    v
}
