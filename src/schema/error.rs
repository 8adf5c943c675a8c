//! The registry's errors, as Confluent's REST API reports them: an HTTP status and a body of
//! `{"error_code": …, "message": …}` whose codes clients act on (40401 subject not found,
//! 40403 schema not found, 409 incompatible, 422xx invalid input, 500xx store failures).

/// One refusal or failure, ready to be sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (error {code})")]
pub struct RegistryError {
    pub status: u16,
    pub code: i32,
    pub message: String,
}

impl RegistryError {
    fn new(status: u16, code: i32, message: impl Into<String>) -> RegistryError {
        RegistryError {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn subject_not_found(subject: &str) -> RegistryError {
        RegistryError::new(404, 40401, format!("Subject '{subject}' not found."))
    }

    pub fn version_not_found(version: i32) -> RegistryError {
        RegistryError::new(404, 40402, format!("Version {version} not found."))
    }

    pub fn schema_not_found(id: Option<i32>) -> RegistryError {
        let message = match id {
            Some(id) => format!("Schema {id} not found"),
            None => "Schema not found".to_owned(),
        };
        RegistryError::new(404, 40403, message)
    }

    pub fn subject_soft_deleted(subject: &str) -> RegistryError {
        RegistryError::new(
            404,
            40404,
            format!(
                "Subject '{subject}' was soft deleted.Set permanent=true to delete permanently"
            ),
        )
    }

    pub fn subject_not_soft_deleted(subject: &str) -> RegistryError {
        RegistryError::new(
            404,
            40405,
            format!("Subject '{subject}' was not deleted first before being permanently deleted"),
        )
    }

    pub fn version_soft_deleted(subject: &str, version: i32) -> RegistryError {
        RegistryError::new(
            404,
            40406,
            format!(
                "Subject '{subject}' Version {version} was soft deleted.Set permanent=true to delete permanently"
            ),
        )
    }

    pub fn version_not_soft_deleted(subject: &str, version: i32) -> RegistryError {
        RegistryError::new(
            404,
            40407,
            format!(
                "Subject '{subject}' Version {version} was not deleted first before being permanently deleted"
            ),
        )
    }

    pub fn subject_config_not_found(subject: &str) -> RegistryError {
        RegistryError::new(
            404,
            40408,
            format!("Subject '{subject}' does not have subject-level compatibility configured"),
        )
    }

    pub fn subject_mode_not_found(subject: &str) -> RegistryError {
        RegistryError::new(
            404,
            40409,
            format!("Subject '{subject}' does not have subject-level mode configured"),
        )
    }

    pub fn incompatible(subject: &str, details: &[String]) -> RegistryError {
        RegistryError::new(
            409,
            409,
            format!(
                "Schema being registered is incompatible with an earlier schema for subject \"{subject}\", details: [{}]",
                details.join(", ")
            ),
        )
    }

    pub fn invalid_schema(message: impl Into<String>) -> RegistryError {
        RegistryError::new(422, 42201, message)
    }

    pub fn invalid_version(given: &str) -> RegistryError {
        RegistryError::new(
            422,
            42202,
            format!(
                "The specified version '{given}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\""
            ),
        )
    }

    pub fn invalid_compatibility_level() -> RegistryError {
        RegistryError::new(
            422,
            42203,
            "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive",
        )
    }

    pub fn invalid_compatibility_policy() -> RegistryError {
        RegistryError::new(
            422,
            42203,
            "Invalid compatibility policy. Valid values are strict and lenient",
        )
    }

    pub fn invalid_mode() -> RegistryError {
        RegistryError::new(
            422,
            42204,
            "Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE and IMPORT.",
        )
    }

    pub fn not_permitted(message: impl Into<String>) -> RegistryError {
        RegistryError::new(422, 42205, message)
    }

    pub fn referenced(subject: &str, version: i32) -> RegistryError {
        RegistryError::new(
            422,
            42206,
            format!(
                "One or more references exist to the schema {{magic=1,keytype=SCHEMA,subject={subject},version={version}}}."
            ),
        )
    }

    pub fn invalid_subject(subject: &str) -> RegistryError {
        RegistryError::new(
            422,
            42208,
            format!("The specified subject '{subject}' is not a valid."),
        )
    }

    pub fn store(message: impl Into<String>) -> RegistryError {
        RegistryError::new(500, 50001, message)
    }

    /// Jersey's own errors: the HTTP status doubles as the error code.
    pub fn http(status: u16, message: impl Into<String>) -> RegistryError {
        RegistryError::new(status, i32::from(status), message)
    }

    /// An unparsable or unfitting request body: 422, as rest-utils answers bodies that fail
    /// validation (malformed JSON is 400).
    pub fn unprocessable(message: impl Into<String>) -> RegistryError {
        RegistryError::new(422, 422, message)
    }
}
