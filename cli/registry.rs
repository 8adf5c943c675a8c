//! Which schema registry a command uses, and how it authenticates: the flags shared by
//! `schemas`, `produce` and `consume`.
//!
//! In order: `--schema-registry URL` (or STREAMLINE_SCHEMA_REGISTRY_URL), `-X
//! schema.registry.url=URL`, the profile's `schema_registry_url`; without any, the registry
//! of the data directory — opened in-process, or the one the `serve` running on it serves.
//! Basic authentication takes the user from `--schema-registry-user`, `-X
//! schema.registry.basic.auth.user.info=USER:PASSWORD`, the URL (`https://user:pw@host`) or the
//! profile, and the password from STREAMLINE_SCHEMA_REGISTRY_PASSWORD, the user info, the
//! profile's password file, or a prompt — never necessarily the command line.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{bail, Context};
use streamline::client::security::ClientTls;
use streamline::client::Client;
use streamline::schema::client::{Endpoint, RegistryClient};
use streamline::schema::registry::Registry;

use crate::connect::{ConnectArgs, Property};

/// Where the registry password comes from when the user is given without one.
pub const PASSWORD_VARIABLE: &str = "STREAMLINE_SCHEMA_REGISTRY_PASSWORD";

/// The registry flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RegistryArgs {
    /// Schema registry URL (Confluent's REST API: ours, Confluent's, Karapace, Redpanda's,
    /// Apicurio's ccompat); without it, the data directory's own registry
    #[arg(
        long = "schema-registry",
        env = "STREAMLINE_SCHEMA_REGISTRY_URL",
        value_name = "URL",
        help_heading = "Schema registry",
        global = true
    )]
    pub url: Option<String>,

    /// User for the registry's basic authentication; the password comes from
    /// STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt
    #[arg(
        long = "schema-registry-user",
        env = "STREAMLINE_SCHEMA_REGISTRY_USER",
        value_name = "USER",
        help_heading = "Schema registry",
        global = true
    )]
    pub user: Option<String>,

    /// PEM CA certificates to trust for an https:// registry instead of the system's
    #[arg(
        long = "schema-registry-ca",
        env = "STREAMLINE_SCHEMA_REGISTRY_CA",
        value_name = "FILE",
        help_heading = "Schema registry",
        global = true
    )]
    pub ca: Option<PathBuf>,
}

impl RegistryArgs {
    /// The registry the flags, -X or the profile name, if any: no Kafka connection needed.
    pub fn named(&self, connect: &ConnectArgs) -> anyhow::Result<Option<Arc<RegistryClient>>> {
        let profile = connect.profile_settings()?;
        let url = self
            .url
            .clone()
            .or_else(|| {
                connect.property(|p| match p {
                    Property::SchemaRegistryUrl(u) => Some(u.clone()),
                    _ => None,
                })
            })
            .or(profile.schema_registry_url.clone());
        url.map(|url| {
            Ok(Arc::new(RegistryClient::new(
                self.http_endpoint(connect, &profile, &url)?,
            )))
        })
        .transpose()
    }

    /// The registry this command talks to: the one named, else the data directory's (opened
    /// in-process, or the one the `serve` running on it serves); `None` when there is none
    /// (a remote cluster without `--schema-registry`).
    pub fn resolve(
        &self,
        connect: &ConnectArgs,
        client: &Client,
    ) -> anyhow::Result<Option<Arc<RegistryClient>>> {
        if let Some(named) = self.named(connect)? {
            return Ok(Some(named));
        }
        if let Some(broker) = client.local_broker() {
            let registry = Registry::open(broker.clone()).map_err(|e| {
                anyhow::anyhow!("opening the data directory's schema registry: {e}")
            })?;
            return Ok(Some(Arc::new(RegistryClient::new(Endpoint::InProcess(
                Arc::new(registry),
            )))));
        }
        let served = client
            .served_dir()
            .and_then(streamline::lock::read_holder)
            .and_then(|h| h.schema_registry_addr);
        served
            .map(|addr| {
                let profile = connect.profile_settings()?;
                Ok(Arc::new(RegistryClient::new(self.http_endpoint(
                    connect,
                    &profile,
                    &format!("http://{addr}"),
                )?)))
            })
            .transpose()
    }

    fn http_endpoint(
        &self,
        connect: &ConnectArgs,
        profile: &crate::profile::Profile,
        url: &str,
    ) -> anyhow::Result<Endpoint> {
        let (url, in_url) = split_user_info(url)?;
        let user_info = connect.property(|p| match p {
            Property::SchemaRegistryUserInfo(s) => Some(s.0.clone()),
            _ => None,
        });
        let (info_user, info_password) = match user_info.as_deref().map(|i| i.split_once(':')) {
            Some(Some((u, p))) => (Some(u.to_owned()), Some(p.to_owned())),
            Some(None) => bail!("schema.registry.basic.auth.user.info must be USER:PASSWORD"),
            None => (None, None),
        };
        let user = self
            .user
            .clone()
            .or(info_user)
            .or(in_url.as_ref().map(|(u, _)| u.clone()))
            .or(profile.schema_registry_user.clone());
        let user = match user {
            None => None,
            Some(name) => {
                let password = match std::env::var(PASSWORD_VARIABLE) {
                    Ok(p) if !p.is_empty() => p,
                    _ => match (
                        info_password,
                        in_url.and_then(|(_, p)| p),
                        &profile.schema_registry_password_file,
                    ) {
                        (Some(p), _, _) | (None, Some(p), _) => p,
                        (None, None, Some(file)) => crate::security::read_password_file(file)?,
                        (None, None, None) => crate::security::prompt(
                            &format!("Schema registry password for {name}: "),
                            &name,
                        )
                        .with_context(|| format!("or set {PASSWORD_VARIABLE}"))?,
                    },
                };
                Some((name, password))
            }
        };
        let ca = self
            .ca
            .clone()
            .or_else(|| {
                connect.property(|p| match p {
                    Property::SchemaRegistryCaLocation(f) => Some(f.clone()),
                    _ => None,
                })
            })
            .or(profile.schema_registry_ca_location.clone());
        Ok(Endpoint::Http {
            url,
            user,
            tls: ClientTls {
                ca_location: ca,
                ..ClientTls::default()
            },
        })
    }
}

/// The latest schema of one of a topic's subjects.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TopicSchema {
    /// `key` or `value`.
    pub side: &'static str,
    pub subject: String,
    pub version: i64,
    pub id: i64,
    pub schema_type: String,
}

/// The latest versions of `TOPIC-key` and `TOPIC-value` (the serializers' default subject
/// names), where they exist. A registry that cannot be reached is said on standard error and
/// shows nothing.
pub async fn topic_schemas(registry: &RegistryClient, topic: &str) -> Vec<TopicSchema> {
    match find_topic_schemas(registry, topic).await {
        Ok(found) => found,
        Err(e) => {
            anstream::eprintln!("note: the schema registry did not answer: {e}");
            Vec::new()
        }
    }
}

/// [`topic_schemas`] for the dashboard, which has no standard error to write to.
pub async fn topic_schemas_quiet(registry: &RegistryClient, topic: &str) -> Vec<TopicSchema> {
    find_topic_schemas(registry, topic)
        .await
        .unwrap_or_default()
}

async fn find_topic_schemas(
    registry: &RegistryClient,
    topic: &str,
) -> Result<Vec<TopicSchema>, streamline::schema::client::CallError> {
    let mut found = Vec::new();
    for side in ["key", "value"] {
        let subject = format!("{topic}-{side}");
        let path = format!(
            "/subjects/{}/versions/latest",
            streamline::schema::client::encode_segment(&subject)
        );
        match registry.call("GET", &path, None).await {
            Ok(v) => found.push(TopicSchema {
                side,
                subject,
                version: v
                    .get("version")
                    .and_then(serde_json::Value::as_i64)
                    .unwrap_or(0),
                id: v.get("id").and_then(serde_json::Value::as_i64).unwrap_or(0),
                schema_type: v
                    .get("schemaType")
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or("AVRO")
                    .to_owned(),
            }),
            Err(streamline::schema::client::CallError::Refused { status: 404, .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(found)
}

/// `https://user:password@host:port/path` → the URL without the user info, and the user info.
#[allow(clippy::type_complexity)]
fn split_user_info(url: &str) -> anyhow::Result<(String, Option<(String, Option<String>)>)> {
    let Some((scheme, rest)) = url.split_once("://") else {
        bail!("the schema registry URL '{url}' needs http:// or https://");
    };
    if scheme != "http" && scheme != "https" {
        bail!("the schema registry URL '{url}' needs http:// or https://");
    }
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = path.trim_end_matches('/');
    match authority.rsplit_once('@') {
        Some((info, host)) => {
            let (user, password) = match info.split_once(':') {
                Some((u, p)) => (u.to_owned(), Some(p.to_owned())),
                None => (info.to_owned(), None),
            };
            Ok((format!("{scheme}://{host}{path}"), Some((user, password))))
        }
        None => Ok((format!("{scheme}://{authority}{path}"), None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_info_is_taken_out_of_the_url() {
        assert_eq!(
            split_user_info("https://ann:s3cret@registry:8081/ccompat/").unwrap(),
            (
                "https://registry:8081/ccompat".to_owned(),
                Some(("ann".to_owned(), Some("s3cret".to_owned())))
            )
        );
        assert_eq!(
            split_user_info("http://localhost:8081").unwrap(),
            ("http://localhost:8081".to_owned(), None)
        );
        assert!(split_user_info("localhost:8081").is_err());
    }
}
