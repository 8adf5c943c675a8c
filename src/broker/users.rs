//! DescribeUserScramCredentials (API key 50) and AlterUserScramCredentials (51), KIP-554: the
//! users' SCRAM credentials, as Apache Kafka's controller answers them — a user named twice in
//! one request is refused (DUPLICATE_RESOURCE), an empty name or an unknown mechanism is
//! UNACCEPTABLE_CREDENTIAL or UNSUPPORTED_SASL_MECHANISM, iterations outside 4096..=16384 are
//! UNACCEPTABLE_CREDENTIAL, deleting what does not exist is RESOURCE_NOT_FOUND. Describing
//! needs DESCRIBE on the cluster, altering ALTER (CLUSTER_AUTHORIZATION_FAILED otherwise).
//! An alteration's accepted changes are durable before it is answered.

use std::collections::{BTreeMap, HashSet};

use kafka_protocol::error::ResponseError;
use kafka_protocol::messages::alter_user_scram_credentials_response::AlterUserScramCredentialsResult;
use kafka_protocol::messages::describe_user_scram_credentials_response::{
    CredentialInfo, DescribeUserScramCredentialsResult,
};
use kafka_protocol::messages::{
    AlterUserScramCredentialsRequest, AlterUserScramCredentialsResponse,
    DescribeUserScramCredentialsRequest, DescribeUserScramCredentialsResponse,
};
use kafka_protocol::protocol::StrBytes;

use super::context::RequestContext;
use super::Broker;
use crate::security::acl::Operation;
use crate::security::credentials::Change;
use crate::security::scram::{Credential, Mechanism, MAX_ITERATIONS, MIN_ITERATIONS};

fn text(s: &str) -> StrBytes {
    StrBytes::from_string(s.to_string())
}

/// Handles DescribeUserScramCredentials.
pub fn describe(
    broker: &Broker,
    req: DescribeUserScramCredentialsRequest,
    ctx: &RequestContext,
) -> DescribeUserScramCredentialsResponse {
    let response = DescribeUserScramCredentialsResponse::default();
    if !broker.security.authorize_cluster(ctx, Operation::Describe) {
        return response
            .with_error_code(ResponseError::ClusterAuthorizationFailed.code())
            .with_error_message(Some(StrBytes::from_static_str(
                "Cluster authorization failed.",
            )));
    }
    let store = broker.security.credentials();
    // user → named more than once.
    let mut wanted: BTreeMap<String, bool> = BTreeMap::new();
    match req.users.as_deref() {
        None | Some([]) => {
            for (user, _) in store.users() {
                wanted.insert(user.to_string(), false);
            }
        }
        Some(users) => {
            for user in users {
                let name = user.name.to_string();
                let twice = wanted.contains_key(&name);
                wanted.insert(name, twice);
            }
        }
    }
    let infos: BTreeMap<&str, Vec<(Mechanism, u32)>> = store.users().collect();
    let results = wanted
        .into_iter()
        .map(|(user, twice)| {
            let result = DescribeUserScramCredentialsResult::default().with_user(text(&user));
            if twice {
                return result
                    .with_error_code(ResponseError::DuplicateResource.code())
                    .with_error_message(Some(text(&format!(
                        "Cannot describe SCRAM credentials for the same user twice in a \
                         single request: {user}"
                    ))));
            }
            match infos.get(user.as_str()) {
                Some(mechanisms) => result.with_credential_infos(
                    mechanisms
                        .iter()
                        .map(|(m, iterations)| {
                            CredentialInfo::default()
                                .with_mechanism(m.code())
                                .with_iterations(*iterations as i32)
                        })
                        .collect(),
                ),
                None => result
                    .with_error_code(ResponseError::ResourceNotFound.code())
                    .with_error_message(Some(text(&format!(
                        "Attempt to describe a user credential that does not exist: {user}"
                    )))),
            }
        })
        .collect();
    response.with_results(results)
}

/// Handles AlterUserScramCredentials.
pub fn alter(
    broker: &Broker,
    req: AlterUserScramCredentialsRequest,
    ctx: &RequestContext,
) -> AlterUserScramCredentialsResponse {
    let mut users: Vec<String> = req
        .deletions
        .iter()
        .map(|d| d.name.to_string())
        .chain(req.upsertions.iter().map(|u| u.name.to_string()))
        .collect();
    if !broker.security.authorize_cluster(ctx, Operation::Alter) {
        users.sort();
        users.dedup();
        return AlterUserScramCredentialsResponse::default().with_results(
            users
                .into_iter()
                .map(|user| {
                    AlterUserScramCredentialsResult::default()
                        .with_user(text(&user))
                        .with_error_code(ResponseError::ClusterAuthorizationFailed.code())
                        .with_error_message(Some(StrBytes::from_static_str(
                            "Cluster authorization failed.",
                        )))
                })
                .collect(),
        );
    }
    let mut store = broker.security.credentials_mut();
    let mut errors: BTreeMap<String, (ResponseError, &'static str)> = BTreeMap::new();
    let mut changes: BTreeMap<String, Change> = BTreeMap::new();
    let mut seen: HashSet<String> = HashSet::new();
    let duplicate = (
        ResponseError::DuplicateResource,
        "A user credential cannot be altered twice in the same request",
    );
    for deletion in &req.deletions {
        let user = deletion.name.to_string();
        if errors.contains_key(&user) {
            continue;
        }
        if !seen.insert(user.clone()) {
            changes.remove(&user);
            errors.insert(user, duplicate);
            continue;
        }
        match check_name_and_mechanism(&user, deletion.mechanism) {
            Err(e) => {
                errors.insert(user, e);
            }
            Ok(mechanism) if store.get(&user, mechanism).is_none() => {
                errors.insert(
                    user,
                    (
                        ResponseError::ResourceNotFound,
                        "Attempt to delete a user credential that does not exist",
                    ),
                );
            }
            Ok(mechanism) => {
                changes.insert(user.clone(), Change::Delete { user, mechanism });
            }
        }
    }
    for upsertion in &req.upsertions {
        let user = upsertion.name.to_string();
        if errors.contains_key(&user) {
            continue;
        }
        if !seen.insert(user.clone()) {
            changes.remove(&user);
            errors.insert(user, duplicate);
            continue;
        }
        let mechanism = match check_name_and_mechanism(&user, upsertion.mechanism) {
            Ok(m) => m,
            Err(e) => {
                errors.insert(user, e);
                continue;
            }
        };
        let iterations = upsertion.iterations;
        if iterations < MIN_ITERATIONS as i32 {
            errors.insert(
                user,
                (ResponseError::UnacceptableCredential, "Too few iterations"),
            );
            continue;
        }
        if iterations > MAX_ITERATIONS as i32 {
            errors.insert(
                user,
                (ResponseError::UnacceptableCredential, "Too many iterations"),
            );
            continue;
        }
        let credential = Credential::from_salted_password(
            mechanism,
            &upsertion.salted_password,
            upsertion.salt.to_vec(),
            iterations as u32,
        );
        changes.insert(user.clone(), Change::Upsert { user, credential });
    }
    let accepted: Vec<String> = changes.keys().cloned().collect();
    let mut results: Vec<AlterUserScramCredentialsResult> = Vec::new();
    match store.apply(changes.into_values().collect()) {
        Ok(()) => results.extend(
            accepted
                .iter()
                .map(|user| AlterUserScramCredentialsResult::default().with_user(text(user))),
        ),
        Err(e) => {
            tracing::error!(error = %e, "cannot store SCRAM credentials");
            results.extend(accepted.iter().map(|user| {
                AlterUserScramCredentialsResult::default()
                    .with_user(text(user))
                    .with_error_code(ResponseError::KafkaStorageError.code())
                    .with_error_message(Some(text(&format!(
                        "the credentials could not be stored: {e}"
                    ))))
            }))
        }
    }
    results.extend(errors.into_iter().map(|(user, (error, message))| {
        AlterUserScramCredentialsResult::default()
            .with_user(text(&user))
            .with_error_code(error.code())
            .with_error_message(Some(StrBytes::from_static_str(message)))
    }));
    AlterUserScramCredentialsResponse::default().with_results(results)
}

fn check_name_and_mechanism(
    user: &str,
    code: i8,
) -> Result<Mechanism, (ResponseError, &'static str)> {
    if user.is_empty() {
        return Err((
            ResponseError::UnacceptableCredential,
            "Username must not be empty",
        ));
    }
    Mechanism::from_code(code).ok_or((
        ResponseError::UnsupportedSaslMechanism,
        "Unknown SCRAM mechanism",
    ))
}
